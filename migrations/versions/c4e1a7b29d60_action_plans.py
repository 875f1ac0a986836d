"""action plans: focus items per team and wave, and their actions

Revision ID: c4e1a7b29d60
Revises: fd3f943abf04
Create Date: 2026-12-04 15:30:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'c4e1a7b29d60'
down_revision = 'fd3f943abf04'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('plan_focus',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('wave_id', sa.Integer(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('subject_kind', sa.String(length=16), nullable=False),
    sa.Column('subject', sa.String(length=64), nullable=False),
    sa.Column('label', sa.String(length=500), nullable=False),
    sa.Column('target_kind', sa.String(length=16), nullable=True),
    sa.Column('target_direction', sa.String(length=2), nullable=True),
    sa.Column('target_value', sa.Float(), nullable=True),
    sa.Column('created_on', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_plan_focus_team_id_team'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['wave_id'], ['wave.id'], name=op.f('fk_plan_focus_wave_id_wave'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_focus')),
    sa.UniqueConstraint('wave_id', 'team_id', 'subject_kind', 'subject', name=op.f('uq_plan_focus_wave_id'))
    )
    with op.batch_alter_table('plan_focus', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_focus_team_id'), ['team_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_focus_wave_id'), ['wave_id'], unique=False)

    op.create_table('plan_action',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('focus_id', sa.Integer(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('owner', sa.String(length=120), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('updated_on', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['focus_id'], ['plan_focus.id'], name=op.f('fk_plan_action_focus_id_plan_focus'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_action'))
    )
    with op.batch_alter_table('plan_action', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_action_focus_id'), ['focus_id'], unique=False)


def downgrade():
    with op.batch_alter_table('plan_action', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_action_focus_id'))
    op.drop_table('plan_action')
    with op.batch_alter_table('plan_focus', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_focus_wave_id'))
        batch_op.drop_index(batch_op.f('ix_plan_focus_team_id'))
    op.drop_table('plan_focus')
