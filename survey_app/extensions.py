"""Flask extensions, created unbound so that create_app() can wire them to any app instance."""

from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect

from survey_app.models.base import Base

db = SQLAlchemy(model_class=Base)
migrate = Migrate(compare_type=True, render_as_batch=True)
csrf = CSRFProtect()
#: Counts requests per client address in memory only; addresses are never written anywhere.
limiter = Limiter(key_func=get_remote_address, default_limits=[])
login_manager = LoginManager()
