"""N requests of bench/tickets_list.py's query to ours alone, after 30 of warm-up, in one
process through ASGI. Run it under callgrind for two values of N: the difference of the two
totals divided by the difference of N is the instructions per request, a figure that the
machine's load does not move (bench/README.md, "Instructions per request").

  PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.20 \\
      python bench/tickets_instructions.py TREE 20 postgres://postgres@127.0.0.1:5432/DB

TREE is the checkout whose code is measured (another commit's `git archive`, or this one).
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys

WARMUP = 30


async def main(requests: int) -> None:
    from tickets_cpu import call
    from tickets_list import LOGIN, QUERY

    from app import create_app

    ours = create_app()
    async with ours.router.lifespan_context(ours):
        login = await call(ours, "/graphql", json.dumps({"query": LOGIN}).encode())
        token = json.loads(login)["data"]["login"]["accessToken"]
        body = json.dumps({"query": QUERY}).encode()
        for _ in range(WARMUP + requests):
            await call(ours, "/graphql", body, token)


if __name__ == "__main__":
    tree, requests, url = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    sys.path[:0] = [tree, tree + "/bench"]
    os.environ.update(
        FRONTDESK_ENV="production",
        FRONTDESK_SECRET_KEY="x" * 64,
        FRONTDESK_DATABASE_URL=url,
        FRONTDESK_BROADCAST_URL="memory://",
        FRONTDESK_LOGIN_LIMIT_PER_ACCOUNT="100000/minute",
        FRONTDESK_LOGIN_LIMIT_PER_ADDRESS="100000/minute",
        FRONTDESK_DEBUG="0",
    )
    logging.disable(logging.CRITICAL)
    import uvloop

    uvloop.install()
    asyncio.run(main(requests))
