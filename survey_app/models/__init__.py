"""All models, imported in one place so Alembic and the app see the whole schema."""

from survey_app.invitations_mail.models import MailCampaign, MailRecipient
from survey_app.jobs.models import Job, JobState, ReportFile
from survey_app.matrix.models import MatrixAspect, MatrixCase, MatrixProject, MatrixScore
from survey_app.models.audit import AuditEvent
from survey_app.models.base import Base
from survey_app.models.coding import (
    Code,
    CodeHistory,
    CoderAssignment,
    CodeStatus,
    Coding,
    CodingDocument,
    CodingProject,
    CodingSession,
    Consent,
    Fragment,
    Memo,
    Participant,
    ProjectKind,
    session_attendance,
)
from survey_app.models.org import Gemeente, Team
from survey_app.models.ratelimit import RateLimitCounter
from survey_app.models.responses import Draft, Invitation, InvitationStatus, Response
from survey_app.models.series import HarmonisationRule, SeriesWave, WaveSeries
from survey_app.models.snapshots import InstrumentSnapshot
from survey_app.models.users import Role, User, user_team
from survey_app.models.wave_frames import WaveFrame
from survey_app.models.waves import Wave, WaveModule, WaveStatus, WaveTeam
from survey_app.plans.models import PlanAction, PlanFocus  # noqa: E402  (after Wave and Team, which it refers to)

__all__ = [
    "AuditEvent",
    "Base", "Draft", "Gemeente", "Invitation", "InvitationStatus", "Response", "Role", "Team", "User",
    "InstrumentSnapshot", "Wave", "WaveModule", "WaveStatus", "WaveTeam", "WaveFrame", "user_team", "RateLimitCounter",
    "Code", "CodeHistory", "CoderAssignment", "CodeStatus", "Coding", "CodingDocument", "CodingProject",
    "CodingSession", "Consent", "Fragment", "Memo", "Participant", "ProjectKind", "session_attendance",
    "MatrixAspect", "MatrixCase", "MatrixProject", "MatrixScore", "PlanAction", "PlanFocus",
    "MailCampaign", "MailRecipient", "HarmonisationRule", "SeriesWave", "WaveSeries", "Job", "JobState", "ReportFile",
]
