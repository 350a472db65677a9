# The project's image for docker-compose.yml: Airflow 3 with the Celery executor, the etl package,
# its SQL migrations and NER models, and the DAGs. Every Airflow service runs this one image.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    AIRFLOW_HOME=/opt/airflow \
    AIRFLOW__CORE__DAGS_FOLDER=/opt/article-warehouse/dags

# uid 50000 in group 0, as in the official Airflow image: folders are group-writable, so the
# container also runs as any AIRFLOW_UID with group 0 (docker-compose.yml: user "${AIRFLOW_UID}:0").
RUN useradd --uid 50000 --gid 0 --create-home --shell /bin/bash airflow \
 && mkdir -p /opt/airflow /data/input /data/warehouse /data/reports /data/work \
 && chown -R airflow:0 /opt/airflow /data /home/airflow \
 && chmod -R g+rwX /opt/airflow /data /home/airflow

WORKDIR /opt/article-warehouse
COPY pyproject.toml constraints.txt README.md ./
COPY docker/cluster-constraints.txt docker/
COPY etl/ etl/
# Editable, so that etl finds sql/ and models/ beside it (etl/config.py: REPO_ROOT).
RUN pip install --upgrade "pip==26.3" \
 && pip install -c constraints.txt -c docker/cluster-constraints.txt \
        -e . "apache-airflow[celery,postgres]==3.3.2"
COPY sql/ sql/
COPY models/ models/
COPY dags/ dags/

USER airflow
ENTRYPOINT ["airflow"]
CMD ["version"]
