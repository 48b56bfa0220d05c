import pytest

from tests.realtime.redis_server import RedisServer


@pytest.fixture
async def redis_server():
    """A private redis-server, for tests that stop and restart it (never the shared one)."""
    server = RedisServer()
    await server.start()
    try:
        yield server
    finally:
        await server.stop()
