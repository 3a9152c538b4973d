"""Background imports: a large export is stored by the Huey worker while the researcher
watches its progress page (research/job.html)."""

from huey.contrib.djhuey import db_task

from rumbo.core.models import Job


@db_task()
def responses_import_task(job_id: str, project_id: int, wave_id: int, data: bytes, name: str):
    from rumbo.research.services import responses_import_job

    job = Job.objects.get(pk=job_id)
    responses_import_job(job=job, project_id=project_id, wave_id=wave_id, data=data, name=name)
