"""wave contact line shown to respondents on the welcome page

Revision ID: c41e7a9d2b56
Revises: c4a8e1f2d6b7
Create Date: 2026-12-04 15:35:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'c41e7a9d2b56'
down_revision = 'c4a8e1f2d6b7'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('wave', schema=None) as batch_op:
        batch_op.add_column(sa.Column('contact', sa.String(length=300), server_default='', nullable=False))


def downgrade():
    with op.batch_alter_table('wave', schema=None) as batch_op:
        batch_op.drop_column('contact')
