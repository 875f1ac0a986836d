"""The public start page."""

from flask import Blueprint, render_template

bp = Blueprint("home", __name__)


@bp.get("/")
def index():
    """Explain what this site is to someone who lands here without a personal link."""
    return render_template("home.html")
