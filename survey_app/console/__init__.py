"""The researcher console: waves, organisation, invitations, response monitor, exports, accounts, audit log."""

from flask import Blueprint, abort
from flask_login import current_user

from survey_app.extensions import login_manager
from survey_app.models import Role

bp = Blueprint("console", __name__, url_prefix="/console", template_folder="templates", static_folder="static")

STAFF = (Role.ADMIN, Role.RESEARCHER)


@bp.before_request
def staff_only():
    """Every console page is for researchers and admins: anonymous visitors log in, others get 403."""
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    if current_user.role not in STAFF:
        abort(403)
    return None


from survey_app.console import views_admin, views_contact, views_links, views_org, views_waves  # noqa: E402,F401
