"""job queue: job status and stored report PDFs

Revision ID: c4a9e2f71b30
Revises: c41e7a9d2b56
Create Date: 2026-12-04 15:30:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'c4a9e2f71b30'
down_revision = 'c41e7a9d2b56'
branch_labels = None
depends_on = None

JOB_STATE = sa.Enum('queued', 'running', 'done', 'failed', name='job_state')


def upgrade():
    op.create_table('job',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('label', sa.String(length=200), nullable=False),
    sa.Column('wave_id', sa.Integer(), nullable=True),
    sa.Column('state', JOB_STATE, nullable=False),
    sa.Column('done', sa.Integer(), nullable=False),
    sa.Column('failed', sa.Integer(), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('attempt', sa.Integer(), nullable=False),
    sa.Column('params', sa.JSON(), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('output_name', sa.String(length=200), nullable=False),
    sa.Column('output', sa.LargeBinary(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['wave_id'], ['wave.id'], name=op.f('fk_job_wave_id_wave'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_job'))
    )
    op.create_index(op.f('ix_job_wave_id'), 'job', ['wave_id'], unique=False)
    op.create_table('report_file',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('wave_id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=200), nullable=False),
    sa.Column('fingerprint', sa.String(length=200), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('built_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['wave_id'], ['wave.id'], name=op.f('fk_report_file_wave_id_wave'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_file')),
    sa.UniqueConstraint('wave_id', 'filename', name=op.f('uq_report_file_wave_id'))
    )
    op.create_index(op.f('ix_report_file_wave_id'), 'report_file', ['wave_id'], unique=False)


def downgrade():
    op.drop_index(op.f('ix_report_file_wave_id'), table_name='report_file')
    op.drop_table('report_file')
    op.drop_index(op.f('ix_job_wave_id'), table_name='job')
    op.drop_table('job')
    JOB_STATE.drop(op.get_bind(), checkfirst=True)
