"""answers as one JSON document per response, a per-wave answers revision and the wave_frame snapshot

Every `answer` row (response_id, variable, value text) becomes an entry of its response's `answers`
document (JSON on SQLite, JSONB on PostgreSQL), in one statement per database; then `answer` is dropped.
Downgrade expands the documents back into rows.

Revision ID: e5b7d1a9c3f2
Revises: c4a9e2f71b30
Create Date: 2026-12-04 16:00:00

"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = 'e5b7d1a9c3f2'
down_revision = 'c4a9e2f71b30'
branch_labels = None
depends_on = None

DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

TO_DOCUMENTS = {
    "postgresql": """
        UPDATE response SET answers = COALESCE(
            (SELECT jsonb_object_agg(a.variable, a.value) FROM answer a WHERE a.response_id = response.id),
            '{}'::jsonb)""",
    "sqlite": """
        UPDATE response SET answers = COALESCE(
            (SELECT json_group_object(variable, value)
               FROM (SELECT variable, value FROM answer a WHERE a.response_id = response.id ORDER BY variable)),
            '{}')""",
}

TO_ROWS = {
    "postgresql": """
        INSERT INTO answer (response_id, variable, value)
        SELECT r.id, e.key, e.value FROM response r CROSS JOIN LATERAL jsonb_each_text(r.answers) AS e""",
    "sqlite": """
        INSERT INTO answer (response_id, variable, value)
        SELECT r.id, e.key, e.value FROM response r, json_each(r.answers) AS e""",
}


def upgrade():
    with op.batch_alter_table('response', schema=None) as batch_op:
        batch_op.add_column(sa.Column('answers', DOCUMENT, nullable=True))
    op.execute(TO_DOCUMENTS[op.get_bind().dialect.name])
    op.drop_table('answer')  # first: on SQLite the next step rebuilds `response`, which `answer` refers to
    with op.batch_alter_table('response', schema=None) as batch_op:
        batch_op.alter_column('answers', existing_type=DOCUMENT, nullable=False)

    with op.batch_alter_table('wave', schema=None) as batch_op:
        batch_op.add_column(sa.Column('answers_revision', sa.Integer(), server_default='0', nullable=False))
    op.create_table('wave_frame',
    sa.Column('wave_id', sa.Integer(), nullable=False),
    sa.Column('answers_revision', sa.Integer(), nullable=False),
    sa.Column('columns_key', sa.String(length=64), nullable=False),
    sa.Column('created_on', sa.Date(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['wave_id'], ['wave.id'], name=op.f('fk_wave_frame_wave_id_wave'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('wave_id', name=op.f('pk_wave_frame'))
    )


def downgrade():
    op.drop_table('wave_frame')
    op.create_table('answer',
    sa.Column('response_id', sa.String(length=32), nullable=False),
    sa.Column('variable', sa.String(length=128), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['response_id'], ['response.id'], name=op.f('fk_answer_response_id_response'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('response_id', 'variable', name=op.f('pk_answer'))
    )
    op.execute(TO_ROWS[op.get_bind().dialect.name])
    # ALTER TABLE ... DROP COLUMN, also on SQLite (3.35+): a batch would rebuild `wave`, and dropping the old
    # table there deletes, through ON DELETE CASCADE, every response of the wave
    op.drop_column('response', 'answers')
    op.drop_column('wave', 'answers_revision')
