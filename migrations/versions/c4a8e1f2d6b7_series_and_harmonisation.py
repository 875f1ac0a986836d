"""series of waves and harmonisation rules

Revision ID: c4a8e1f2d6b7
Revises: 3923b3b23954
Create Date: 2026-12-04 15:20:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c4a8e1f2d6b7'
down_revision = '3923b3b23954'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('harmonisation_rule',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('old_wave_id', sa.Integer(), nullable=False),
    sa.Column('new_wave_id', sa.Integer(), nullable=False),
    sa.Column('targets', sa.String(length=500), nullable=False),
    sa.Column('factor', sa.Float(), nullable=False),
    sa.Column('method', sa.String(length=16), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('n', sa.Integer(), nullable=True),
    sa.Column('created_on', sa.Date(), nullable=False),
    sa.CheckConstraint('factor > 0', name=op.f('ck_harmonisation_rule_factor_positive')),
    sa.CheckConstraint('old_wave_id <> new_wave_id', name=op.f('ck_harmonisation_rule_two_waves')),
    sa.ForeignKeyConstraint(['new_wave_id'], ['wave.id'], name=op.f('fk_harmonisation_rule_new_wave_id_wave'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['old_wave_id'], ['wave.id'], name=op.f('fk_harmonisation_rule_old_wave_id_wave'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_harmonisation_rule')),
    sa.UniqueConstraint('old_wave_id', 'new_wave_id', 'targets', name='uq_harmonisation_rule_waves_targets')
    )
    op.create_index(op.f('ix_harmonisation_rule_new_wave_id'), 'harmonisation_rule', ['new_wave_id'], unique=False)
    op.create_index(op.f('ix_harmonisation_rule_old_wave_id'), 'harmonisation_rule', ['old_wave_id'], unique=False)
    op.create_table('wave_series',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('team_map', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_wave_series')),
    sa.UniqueConstraint('name', name=op.f('uq_wave_series_name'))
    )
    op.create_table('series_wave',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('series_id', sa.Integer(), nullable=False),
    sa.Column('wave_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('year', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['series_id'], ['wave_series.id'], name=op.f('fk_series_wave_series_id_wave_series'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['wave_id'], ['wave.id'], name=op.f('fk_series_wave_wave_id_wave'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_series_wave')),
    sa.UniqueConstraint('series_id', 'wave_id', name='uq_series_wave_series_wave')
    )
    op.create_index(op.f('ix_series_wave_series_id'), 'series_wave', ['series_id'], unique=False)
    op.create_index(op.f('ix_series_wave_wave_id'), 'series_wave', ['wave_id'], unique=False)


def downgrade():
    op.drop_index(op.f('ix_series_wave_wave_id'), table_name='series_wave')
    op.drop_index(op.f('ix_series_wave_series_id'), table_name='series_wave')
    op.drop_table('series_wave')
    op.drop_table('wave_series')
    op.drop_index(op.f('ix_harmonisation_rule_old_wave_id'), table_name='harmonisation_rule')
    op.drop_index(op.f('ix_harmonisation_rule_new_wave_id'), table_name='harmonisation_rule')
    op.drop_table('harmonisation_rule')
