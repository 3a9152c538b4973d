"""The chat's background work (Huey): handling each incoming message and sending answers,
retried with backoff; the sweeper that re-sends anything left pending; hand-off alerts and
retention."""

from huey import crontab
from huey.api import Task
from huey.contrib.djhuey import db_periodic_task, db_task
from huey.exceptions import RetryTask

from rumbo.chat import services
from rumbo.chat.messages import Inbound
from rumbo.chat.models import Channel

# Retries of one send before the sweeper takes over (it never gives up on a pending message).
SEND_RETRIES = 8


@db_task()
def chat_receive(channel_id: int, address: str, inbound: dict) -> None:
    channel = Channel.objects.filter(pk=channel_id, is_active=True).first()
    if channel is not None:
        services.inbound_receive(
            channel=channel, address=address, inbound=Inbound.from_dict(inbound)
        )


@db_task()
def chat_status(channel_id: int, provider_id: str, status: str) -> None:
    channel = Channel.objects.filter(pk=channel_id).first()
    if channel is not None:
        services.status_update(channel=channel, provider_id=provider_id, status=status)


@db_task(retries=SEND_RETRIES, context=True)
def chat_send(ids: list[int], task: Task | None = None) -> None:
    wait = services.outgoing_send(ids=ids)
    if wait is not None:
        raise RetryTask(delay=wait)
    services.erased_conversations_delete()


@db_periodic_task(crontab(minute="*/5"))
def chat_sweep() -> None:
    """Pending messages whose retries ran out or whose worker stopped are sent again."""
    for ids in services.outgoing_pending_groups():
        chat_send(ids)


@db_periodic_task(crontab(minute="*/5"))
def chat_handoff_alerts() -> int:
    return services.handoff_alerts_send()


@db_periodic_task(crontab(hour="2", minute="45"))
def chat_purge_daily() -> dict:
    return services.chat_purge()
