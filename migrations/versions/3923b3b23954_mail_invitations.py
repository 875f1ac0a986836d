"""e-mail invitations and reminders: one campaign per wave, one recipient per address (deleted at closing)

Revision ID: 3923b3b23954
Revises: c4e1a7b29d60
Create Date: 2026-12-04 15:10:51.631970

"""
import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = '3923b3b23954'
down_revision = 'c4e1a7b29d60'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('mail_campaign',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('wave_id', sa.Integer(), nullable=False),
    sa.Column('invitation_subject', sa.String(length=200), nullable=False),
    sa.Column('invitation_body', sa.Text(), nullable=False),
    sa.Column('reminder_subject', sa.String(length=200), nullable=False),
    sa.Column('reminder_body', sa.Text(), nullable=False),
    sa.Column('closes_on', sa.Date(), nullable=True),
    sa.Column('reminder_at', sa.DateTime(), nullable=True),
    sa.Column('reminder_queued_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['wave_id'], ['wave.id'], name=op.f('fk_mail_campaign_wave_id_wave'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mail_campaign')),
    sa.UniqueConstraint('wave_id', name=op.f('uq_mail_campaign_wave_id'))
    )
    op.create_table('mail_recipient',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('invitation_id', sa.Integer(), nullable=False),
    sa.Column('link_salt', sa.String(length=64), nullable=False),
    sa.Column('unsubscribe_nonce', sa.String(length=32), nullable=False),
    sa.Column('status', sa.Enum('new', 'queued', 'sending', 'sent', 'failed', 'unsubscribed', name='mail_recipient_status'), nullable=False),
    sa.Column('kind', sa.Enum('invitation', 'reminder', name='mail_kind'), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(), nullable=True),
    sa.Column('claimed_at', sa.DateTime(), nullable=True),
    sa.Column('reason', sa.String(length=300), nullable=False),
    sa.Column('invitation_sent_at', sa.DateTime(), nullable=True),
    sa.Column('reminders_sent', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['mail_campaign.id'], name=op.f('fk_mail_recipient_campaign_id_mail_campaign'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['invitation_id'], ['invitation.id'], name=op.f('fk_mail_recipient_invitation_id_invitation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_mail_recipient_team_id_team'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mail_recipient')),
    sa.UniqueConstraint('campaign_id', 'email', name='uq_mail_recipient_campaign_email'),
    sa.UniqueConstraint('invitation_id', name=op.f('uq_mail_recipient_invitation_id'))
    )
    with op.batch_alter_table('mail_recipient', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mail_recipient_campaign_id'), ['campaign_id'], unique=False)



def downgrade():
    with op.batch_alter_table('mail_recipient', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mail_recipient_campaign_id'))

    op.drop_table('mail_recipient')
    op.drop_table('mail_campaign')
    sa.Enum(name='mail_recipient_status').drop(op.get_bind(), checkfirst=True)
    sa.Enum(name='mail_kind').drop(op.get_bind(), checkfirst=True)
