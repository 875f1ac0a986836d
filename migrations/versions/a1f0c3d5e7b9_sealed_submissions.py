"""sealed submissions released in batches; minimum cell size of at least 3

Revision ID: a1f0c3d5e7b9
Revises: 584cb15abc16
Create Date: 2026-11-24 14:10:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a1f0c3d5e7b9'
down_revision = '584cb15abc16'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('draft') as batch_op:
        batch_op.add_column(sa.Column('sealed', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('held', sa.Boolean(), nullable=False, server_default=sa.false()))
    # Waves created with a smaller minimum are raised to the floor: below 3 a figure points at one or two people.
    op.execute("UPDATE wave SET min_cell_size = 3 WHERE min_cell_size < 3")
    with op.batch_alter_table('wave') as batch_op:
        batch_op.drop_constraint(op.f('ck_wave_min_cell_size_positive'), type_='check')
        batch_op.create_check_constraint(op.f('ck_wave_min_cell_size_at_least_3'), 'min_cell_size >= 3')


def downgrade():
    with op.batch_alter_table('wave') as batch_op:
        batch_op.drop_constraint(op.f('ck_wave_min_cell_size_at_least_3'), type_='check')
        batch_op.create_check_constraint(op.f('ck_wave_min_cell_size_positive'), 'min_cell_size >= 1')
    with op.batch_alter_table('draft') as batch_op:
        batch_op.drop_column('held')
        batch_op.drop_column('sealed')
