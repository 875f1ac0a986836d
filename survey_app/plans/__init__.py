"""Action plans per team (verbeterplannen): focus items chosen from a wave's bijlage, with actions and an
optional target, checked in the next wave's bijlage under disclosure control.

`core/` is pure (targets, figures out of the analysis dict, the review of last year's focus items);
`models.py` the tables; `store.py` queries; `operations.py` writes (validated, audited); `review.py` feeds the
next bijlage; `overview.py` and `xlsx.py` the researchers' overview and its export; `views.py` and `cli.py`
are thin.
"""
