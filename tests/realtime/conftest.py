import pytest

from tests.live import serve


@pytest.fixture
async def ws_url(app):
    server, task, url = await serve(app)
    yield url
    server.should_exit = True
    await task
