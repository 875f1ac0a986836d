"""The pure core of the case matrices: no Flask, no SQLAlchemy."""
