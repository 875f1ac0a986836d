"""a wave keeps its questionnaire: instrument snapshots

Revision ID: b7c2e9a41d03
Revises: a1f0c3d5e7b9
Create Date: 2026-11-24 15:20:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b7c2e9a41d03'
down_revision = 'a1f0c3d5e7b9'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('instrument_snapshot',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('modules', sa.JSON(), nullable=False),
    sa.Column('created_on', sa.Date(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_instrument_snapshot')),
    sa.UniqueConstraint('sha256', name=op.f('uq_instrument_snapshot_sha256'))
    )
    # Existing waves keep reading the instrument folder until they get a snapshot (nothing to copy from here).
    with op.batch_alter_table('wave') as batch_op:
        batch_op.add_column(sa.Column('snapshot_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(op.f('fk_wave_snapshot_id_instrument_snapshot'), 'instrument_snapshot',
                                    ['snapshot_id'], ['id'], ondelete='RESTRICT')


def downgrade():
    with op.batch_alter_table('wave') as batch_op:
        batch_op.drop_constraint(op.f('fk_wave_snapshot_id_instrument_snapshot'), type_='foreignkey')
        batch_op.drop_column('snapshot_id')
    op.drop_table('instrument_snapshot')
