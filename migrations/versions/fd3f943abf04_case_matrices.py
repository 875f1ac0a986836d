"""case assessment matrices: projects, cases, aspect tree, scores per scorer

Revision ID: fd3f943abf04
Revises: 7d2e9c41a5b8
Create Date: 2026-11-24 14:18:23.353370

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'fd3f943abf04'
down_revision = '7d2e9c41a5b8'
branch_labels = None
depends_on = None


def upgrade():

    op.create_table('matrix_project',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('scale', sa.JSON(), nullable=False),
    sa.Column('scorer_a', sa.String(length=64), nullable=False),
    sa.Column('scorer_b', sa.String(length=64), nullable=True),
    sa.Column('created_on', sa.Date(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_matrix_project')),
    sa.UniqueConstraint('name', name=op.f('uq_matrix_project_name'))
    )
    op.create_table('matrix_aspect',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['matrix_aspect.id'], name=op.f('fk_matrix_aspect_parent_id_matrix_aspect'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['project_id'], ['matrix_project.id'], name=op.f('fk_matrix_aspect_project_id_matrix_project'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_matrix_aspect'))
    )
    with op.batch_alter_table('matrix_aspect', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_matrix_aspect_parent_id'), ['parent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_matrix_aspect_project_id'), ['project_id'], unique=False)

    op.create_table('matrix_case',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=32), nullable=False),
    sa.Column('attributes', sa.JSON(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['matrix_project.id'], name=op.f('fk_matrix_case_project_id_matrix_project'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_matrix_case')),
    sa.UniqueConstraint('project_id', 'label', name=op.f('uq_matrix_case_project_id'))
    )
    with op.batch_alter_table('matrix_case', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_matrix_case_project_id'), ['project_id'], unique=False)

    op.create_table('matrix_score',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('aspect_id', sa.Integer(), nullable=False),
    sa.Column('scorer', sa.String(length=64), nullable=False),
    sa.Column('level', sa.String(length=32), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('updated_on', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['aspect_id'], ['matrix_aspect.id'], name=op.f('fk_matrix_score_aspect_id_matrix_aspect'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['case_id'], ['matrix_case.id'], name=op.f('fk_matrix_score_case_id_matrix_case'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_matrix_score')),
    sa.UniqueConstraint('case_id', 'aspect_id', 'scorer', name=op.f('uq_matrix_score_case_id'))
    )
    with op.batch_alter_table('matrix_score', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_matrix_score_aspect_id'), ['aspect_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_matrix_score_case_id'), ['case_id'], unique=False)




def downgrade():

    with op.batch_alter_table('matrix_score', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_matrix_score_case_id'))
        batch_op.drop_index(batch_op.f('ix_matrix_score_aspect_id'))

    op.drop_table('matrix_score')
    with op.batch_alter_table('matrix_case', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_matrix_case_project_id'))

    op.drop_table('matrix_case')
    with op.batch_alter_table('matrix_aspect', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_matrix_aspect_project_id'))
        batch_op.drop_index(batch_op.f('ix_matrix_aspect_parent_id'))

    op.drop_table('matrix_aspect')
    op.drop_table('matrix_project')

