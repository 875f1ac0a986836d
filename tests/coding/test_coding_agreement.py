"""Inter-coder agreement: published Krippendorff examples and a two-coder example computed by hand."""

import json
import math

import pytest

from survey_app.coding.agreement import (
    CONSTANT_ALPHA,
    CONSTANT_KAPPA,
    NO_UNITS,
    krippendorff_alpha_nominal,
    pair_agreement,
    two_coder_agreement,
)
from survey_app.coding.codings_csv import Coding
from survey_app.coding.transcripts import Document, Fragment

N = None


def test_krippendorff_2011_paper_example_four_coders_twelve_units():
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C: nominal data, 4 observers,
    # 12 units, missing values. The paper reports alpha = 0.743 for nominal data.
    data = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
        [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
    ]
    assert krippendorff_alpha_nominal(data) == pytest.approx(0.743, abs=5e-4)


def test_krippendorff_package_readme_example_three_coders_fifteen_units():
    # The krippendorff package README / tests: 3 coders x 15 units with missing values, nominal alpha = 0.691.
    nan = float("nan")
    data = [
        [nan, nan, nan, nan, nan, 3, 4, 1, 2, 1, 1, 3, 3, nan, 3],
        [1, nan, 2, 1, 3, 3, 4, 3, nan, nan, nan, nan, nan, nan, nan],
        [nan, nan, 2, 1, 3, 4, 4, nan, 2, 1, 1, 3, 3, nan, 4],
    ]
    assert krippendorff_alpha_nominal(data) == pytest.approx(0.691, abs=5e-4)


def test_alpha_accepts_labels_and_reports_undefined_as_none():
    assert krippendorff_alpha_nominal([["ja", "nee", "ja"], ["ja", "nee", "ja"]]) == 1.0
    assert krippendorff_alpha_nominal([["ja", "ja"], ["ja", "ja"]]) is None  # one value only
    assert krippendorff_alpha_nominal([["ja", N], [N, "nee"]]) is None  # no unit coded twice


def test_pair_agreement_by_hand():
    # 10 fragments: both yes 4, only A 1, only B 2, both no 3.
    # p_o = 7/10 = 0.7; P(A yes) = 0.5, P(B yes) = 0.6; p_e = 0.5*0.6 + 0.5*0.4 = 0.5
    # kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4
    # alpha: coincidences o(1,1) = 8, o(0,0) = 6, o(0,1) = o(1,0) = 3; n = 20, n1 = 11, n0 = 9
    # alpha = 1 - (n - 1) * (o01 + o10) / (2 * n1 * n0) = 1 - 19 * 6 / 198 = 14/33 = 0.4242...
    a = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0]
    b = [1, 1, 1, 1, 0, 1, 1, 0, 0, 0]
    result = pair_agreement(a, b)
    assert result.units == 10
    assert result.percent_agreement == pytest.approx(0.7)
    assert result.kappa == pytest.approx(0.4)
    assert result.alpha == pytest.approx(14 / 33)


def test_degenerate_cases():
    same = pair_agreement([1, 1, 1], [1, 1, 1])
    assert (same.percent_agreement, same.kappa, same.alpha) == (1.0, None, None)
    assert (same.kappa_note, same.alpha_note) == (CONSTANT_KAPPA, CONSTANT_ALPHA)
    opposite = pair_agreement([1, 1, 1], [0, 0, 0])  # constant but different: kappa is defined and 0
    assert (opposite.percent_agreement, opposite.kappa) == (0.0, 0.0)
    empty = pair_agreement([], [])
    assert (empty.units, empty.percent_agreement, empty.kappa, empty.kappa_note) == (0, None, None, NO_UNITS)
    with pytest.raises(ValueError):
        pair_agreement([1], [1, 0])


def document(name, size):
    return Document(name, [Fragment(i, f"R0{i % 3 + 1}", f"tekst {i}") for i in range(1, size + 1)])


@pytest.fixture
def report():
    # Document d1 (10 fragments) is coded by both. Code x as in test_pair_agreement_by_hand:
    # A on 1-5, B on 1-4, 6, 7. Code y by both on 1-7. Document d2 is coded by A only and is left out.
    codings = [Coding("d1", f, "A", "x") for f in range(1, 6)]
    codings += [Coding("d1", f, "B", "x") for f in (1, 2, 3, 4, 6, 7)]
    codings += [Coding("d1", f, coder, "y") for f in range(1, 8) for coder in "AB"]
    codings += [Coding("d2", 1, "A", "z"), Coding("d1", 9, "C", "x")]
    return two_coder_agreement(codings, [document("d1", 10), document("d2", 4)], "A", "B")


def test_two_coders_per_code_over_all_and_coded_fragments(report):
    assert report.documents == ("d1",)
    assert (report.fragments, report.coded_fragments) == (10, 7)
    x, y = report.codes
    assert (x.code, x.count_a, x.count_b) == ("x", 5, 6)
    assert x.all_fragments.kappa == pytest.approx(0.4)
    # Over the 7 coded fragments: both yes 4, only A 1, only B 2, both no 0.
    # p_o = 4/7; p_e = 5/7*6/7 + 2/7*1/7 = 32/49; kappa = (28/49 - 32/49) / (17/49) = -4/17
    assert x.coded_fragments.kappa == pytest.approx(-4 / 17)
    assert x.coded_fragments.percent_agreement == pytest.approx(4 / 7)
    # y: over all fragments 1-7 yes and 8-10 no for both: perfect; over coded fragments both constant 1.
    assert (y.all_fragments.kappa, y.all_fragments.alpha) == (1.0, 1.0)
    assert (y.coded_fragments.kappa, y.coded_fragments.percent_agreement) == (None, 1.0)
    assert y.coded_fragments.kappa_note == CONSTANT_KAPPA


def test_two_coders_overall(report):
    overall = report.overall_all_fragments
    assert overall.mean_kappa == pytest.approx((0.4 + 1.0) / 2)
    assert (overall.codes_in_mean, overall.codes_without_kappa) == (2, 0)
    # Pooled over 20 decisions: both yes 11, only A 1, only B 2, both no 6.
    # p_o = 17/20; p_e = 0.6*0.65 + 0.4*0.35 = 0.53; kappa = 0.32 / 0.47
    assert overall.pooled.units == 20
    assert overall.pooled.percent_agreement == pytest.approx(0.85)
    assert overall.pooled.kappa == pytest.approx(0.32 / 0.47)
    assert 0 < overall.pooled.alpha < 1
    coded = report.overall_coded_fragments
    assert coded.mean_kappa == pytest.approx(-4 / 17)
    assert (coded.codes_in_mean, coded.codes_without_kappa) == (1, 1)
    assert coded.pooled.units == 14


def test_report_is_json_ready(report):
    data = json.loads(json.dumps(report.to_dict()))
    assert data["coder_a"] == "A"
    assert data["codes"][0]["all_fragments"]["kappa"] == pytest.approx(0.4)
    assert data["codes"][1]["coded_fragments"]["kappa"] is None
    assert not any(isinstance(v, float) and math.isnan(v) for v in data["overall_all_fragments"]["pooled"].values())


def test_selected_codes_and_no_shared_documents():
    codings = [Coding("d1", 1, "A", "x"), Coding("d1", 2, "B", "x")]
    result = two_coder_agreement(codings, [document("d1", 3)], "A", "B", codes=["x", "unused"])
    unused = result.codes[1]
    assert (unused.all_fragments.kappa, unused.all_fragments.percent_agreement) == (None, 1.0)
    with pytest.raises(ValueError, match="geen document allebei gecodeerd"):
        two_coder_agreement(codings, [document("d1", 3)], "A", "C")
