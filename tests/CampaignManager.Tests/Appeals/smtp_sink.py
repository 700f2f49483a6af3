"""A real SMTP server for the appeal tests, built on Debian's aiosmtpd (run it with /usr/bin/python3).

Usage: smtp_sink.py <host> <port> <folder>

Every accepted message is written to <folder>/<time_ns>.eml (atomically: written as .tmp, then renamed) with a
sibling .json holding the envelope (mail_from, rcpt_tos). Every RCPT TO is appended to <folder>/rcpt.jsonl with
the reply code, so tests can count attempts. Addresses listed one per line in <folder>/reject-permanently.txt
get 550, in <folder>/reject-temporarily.txt get 451; the lists are read on every RCPT so tests can change them
while the server runs. A message to an address in <folder>/hold-reply.txt is written as accepted, but its 250 reply
is withheld while the address stays listed: the moment a crash makes the sender unsure whether it arrived. For an
address in <folder>/drop-reply.txt the connection is closed instead of replying: a reply lost on the way. The folder outlives the process, so a restarted server keeps appending to it.
The server exits when its stdin closes, so it never outlives the test process that started it.
"""
import asyncio
import json
import os
import sys
import threading
import time

from aiosmtpd.smtp import SMTP


class Sink:
    def __init__(self, folder):
        self.folder = folder

    def _listed(self, name, address):
        try:
            with open(os.path.join(self.folder, name), encoding="utf-8") as f:
                return address.strip().lower() in {line.strip().lower() for line in f if line.strip()}
        except FileNotFoundError:
            return False

    def _journal(self, address, code):
        with open(os.path.join(self.folder, "rcpt.jsonl"), "a", encoding="utf-8") as f:
            f.write(json.dumps({"address": address, "code": code}) + "\n")

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self._listed("reject-permanently.txt", address):
            self._journal(address, 550)
            return "550 5.1.1 <%s>: Recipient address rejected: mailbox unavailable" % address
        if self._listed("reject-temporarily.txt", address):
            self._journal(address, 451)
            return "451 4.3.0 <%s>: Mailbox temporarily unavailable, try again later" % address
        self._journal(address, 250)
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        name = "%020d-%d" % (time.time_ns(), os.getpid())
        base = os.path.join(self.folder, name)
        with open(base + ".json", "w", encoding="utf-8") as f:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos}, f)
        with open(base + ".tmp", "wb") as f:
            f.write(envelope.original_content)
        os.replace(base + ".tmp", base + ".eml")
        while any(self._listed("hold-reply.txt", a) for a in envelope.rcpt_tos):
            await asyncio.sleep(0.05)
        if any(self._listed("drop-reply.txt", a) for a in envelope.rcpt_tos):
            server.transport.abort()
        return "250 2.0.0 Message accepted for delivery"


def exit_when_parent_goes(loop, stop):
    sys.stdin.read()
    loop.call_soon_threadsafe(stop.set)


async def main(host, port, folder):
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    handler = Sink(folder)
    server = await loop.create_server(
        lambda: SMTP(handler, hostname="sink.test", decode_data=False, enable_SMTPUTF8=True),
        host=host, port=port, reuse_address=True)
    threading.Thread(target=exit_when_parent_goes, args=(loop, stop), daemon=True).start()
    print("ready %s:%d" % (host, port), flush=True)
    async with server:
        await stop.wait()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]), sys.argv[3]))
