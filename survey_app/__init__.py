"""Monitoring sociale teams: the Flask application factory."""

from __future__ import annotations

from pathlib import Path

from flask import Flask


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app: settings, extensions, instruments, blueprints and CLI, in that order."""
    app = Flask(__name__, instance_relative_config=True)
    from survey_app.config import settings_from_environment

    app.config.from_mapping(settings_from_environment(Path(app.instance_path)))
    if test_config:
        app.config.from_mapping(test_config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    from survey_app import models  # noqa: F401  (registers the schema with the metadata)
    from survey_app.database import install_engine_settings
    from survey_app.extensions import csrf, db, login_manager, migrate

    install_engine_settings()
    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(__file__).resolve().parent.parent / "migrations"))
    csrf.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Log in om deze pagina te bekijken."

    from survey_app import input_guard, instrument_registry, log_redaction, security, throttle, web_errors

    log_redaction.init_app(app)
    input_guard.init_app(app)
    instrument_registry.init_app(app)
    throttle.init_app(app)
    security.init_app(app)
    web_errors.init_app(app)

    from survey_app.auth import bp as auth_bp
    from survey_app.coding.views import bp as coding_bp
    from survey_app.console import bp as console_bp
    from survey_app.home import bp as home_bp
    from survey_app.matrix.views import bp as matrix_bp
    from survey_app.plans.views import bp as plans_bp
    from survey_app.survey import bp as survey_bp
    from survey_app.teamleider import bp as teamleider_bp

    app.register_blueprint(home_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(survey_bp)
    app.register_blueprint(coding_bp)
    app.register_blueprint(matrix_bp)
    app.register_blueprint(plans_bp)
    app.register_blueprint(console_bp)
    app.register_blueprint(teamleider_bp)

    from survey_app.reports.views import bp as reports_bp

    app.register_blueprint(reports_bp)

    from survey_app.invitations_mail.views import bp as mail_bp
    from survey_app.invitations_mail.views import public as afmelden_bp

    app.register_blueprint(mail_bp)
    app.register_blueprint(afmelden_bp)

    from survey_app import shared_cache
    from survey_app.jobs import setup as jobs_setup

    shared_cache.init_app(app)

    jobs_setup.init_app(app)

    from survey_app.cli import register_commands

    register_commands(app)
    return app
