"""Terminal chat over the REST channel: `python -m bot.tools.chat [--url URL] [--sender ID]`.

Prints each bot text and, dimmed, the contract payload that a channel would render.
"""
from __future__ import annotations

import argparse
import json
import sys
import uuid

import httpx


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.tools.chat")
    parser.add_argument("--url", default="http://127.0.0.1:5005/webhooks/rest/webhook")
    parser.add_argument("--sender", default=f"terminal-{uuid.uuid4().hex[:8]}")
    args = parser.parse_args()
    print(f"会话 {args.sender}。输入内容回车发送，Ctrl-D 退出。")
    with httpx.Client(timeout=60) as client:
        for line in sys.stdin if not sys.stdin.isatty() else iter(lambda: input("您> "), None):
            line = line.strip()
            if not line:
                continue
            try:
                reply = client.post(args.url, json={"sender": args.sender, "message": line}).json()
            except httpx.HTTPError as exc:
                print(f"（连接失败：{exc}）")
                continue
            for message in reply:
                if message.get("text"):
                    print(f"助手> {message['text']}")
                if message.get("custom"):
                    print(f"\033[2m      {json.dumps(message['custom'], ensure_ascii=False)}\033[0m")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (EOFError, KeyboardInterrupt):
        print()
