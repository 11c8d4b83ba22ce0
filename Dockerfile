FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml ./
RUN pip install --no-cache-dir .
COPY . .
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --no-input -v0
EXPOSE 8000
CMD ["sh", "-c", "python manage.py migrate --no-input && python manage.py import_articles data/articles && gunicorn config.wsgi --bind 0.0.0.0:8000 --workers 2"]
