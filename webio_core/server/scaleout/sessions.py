"""The registry of sessions shared by the processes that use the same broker."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Optional

from ...session.base import Session
from ..registry import LocalSessions
from ..request import Request, Response
from ..ws import WebSocketPeer
from .bus import Bus, BusUnavailable
from .owner import Owner
from .relay import CLOSE_RECONNECT, PendingRequests, RelayedSocket
from .topics import SharedTopics
from .wire import (
    BROADCAST,
    HTTP_RESPONSE,
    SOCKET_CLOSE,
    SOCKET_SEND,
    process_channel,
    session_channel,
    unpack,
)

logger = logging.getLogger("webio_core.server.scaleout")

SESSION_CHANNEL_PREFIX = session_channel("")


class SharedSessions(LocalSessions):
    """This process's sessions (as :class:`LocalSessions`), each reachable from the other
    processes through its channel on ``bus``, and theirs from here."""

    def __init__(self, bus: Bus) -> None:
        super().__init__()
        self.bus = bus
        bus.listen(self)
        self.owner = Owner(self.bus)
        self.pending = PendingRequests(self.bus)
        #: Sockets of pages whose session another process owns, by connection id.
        self.relayed: dict[str, RelayedSocket] = {}
        self.topics: SharedTopics = SharedTopics(self.bus)
        self._replies = {
            SOCKET_SEND: self._socket_send,
            SOCKET_CLOSE: self._socket_close,
            HTTP_RESPONSE: self.pending.answered,
            BROADCAST: self.topics.received,
        }

    # ---- SessionRegistry ----------------------------------------------------------------------

    def add(self, session: Session) -> None:
        """Keep ``session`` here and subscribe to its channel, so that other processes can reach
        it; if the bus is unavailable the session is dropped again and
        :class:`BusUnavailable` propagates."""
        super().add(session)
        try:
            self.bus.subscribe(session_channel(session.id))
        except BusUnavailable:
            super().discard(session.id)
            raise

    def discard(self, session_id: str) -> None:
        """Forget the session and unsubscribe from its channel, if this process has it."""
        if self.get(session_id) is not None:
            super().discard(session_id)
            self.bus.unsubscribe(session_channel(session_id))

    def serve(self, transport: Any) -> None:
        self.owner.serve(transport)

    def close(self) -> None:
        self.bus.stop()

    def forward(self, session_id: str, request: Request) -> Optional[Response]:
        """Publish ``request`` on the session's channel and wait for the owner's response; None
        when no process owns the session."""
        return self.pending.forward(session_id, request)

    def broadcast(self, topic: str, data: str, message_id: str) -> None:
        self.topics.publish(topic, data, message_id)

    def relay(
        self, session_id: str, ack: str, peer: WebSocketPeer, loop: asyncio.AbstractEventLoop
    ) -> RelayedSocket:
        """A connection that carries the page's frames to the session's owner over the bus and
        the owner's frames back to ``peer``, started at once from ``ack``."""
        socket = RelayedSocket(self.bus, session_id, peer, loop, self._forget)
        self.relayed[socket.conn] = socket
        socket.start(ack)
        return socket

    # ---- BusListener (on the bus loop) -----------------------------------------------------

    def on_message(self, channel: str, data: bytes) -> None:
        """A message from the bus: a request or socket frame for a session of this process goes
        to its owner side, a reply (frames for a relayed socket, an HTTP response, a
        broadcast) to what waits for it; malformed messages are logged and dropped."""
        try:
            header, payload = unpack(data)
        except ValueError:
            logger.warning("dropped a malformed message on %s", channel)
            return
        if channel.startswith(SESSION_CHANNEL_PREFIX):
            self.owner.handle(channel[len(SESSION_CHANNEL_PREFIX) :], header, payload)
            return
        handler = self._replies.get(header["k"])
        if handler is None:
            logger.warning("dropped a bus message of unknown kind %r", header["k"])
        else:
            handler(header, payload)

    def _socket_send(self, header: dict[str, Any], payload: bytes) -> None:
        socket = self.relayed.get(str(header.get("conn")))
        if socket is not None:
            socket.deliver(payload.decode())

    def _socket_close(self, header: dict[str, Any], payload: bytes) -> None:
        socket = self.relayed.get(str(header.get("conn")))
        if socket is not None:
            socket.hang_up(int(header["code"]), str(header.get("reason", "")))

    def _forget(self, socket: RelayedSocket) -> None:
        self.relayed.pop(socket.conn, None)

    def on_lost(self) -> None:
        """Messages may have been lost: pages reconnect (and replay), requests are retried."""
        for socket in list(self.relayed.values()):
            socket.hang_up(CLOSE_RECONNECT, "lost the connection to the broker, reconnect")
        self.pending.fail_all()
        self.owner.lost_bus()

    async def on_tick(self) -> None:
        """Hang up the pages whose owner is gone, and tell the requests waiting for it to retry;
        forget the sockets whose page's process is gone."""
        sockets = [socket for socket in self.relayed.values() if socket.opened]
        asked = self.pending.sessions()
        processes = {process for process, _ in self.owner.sockets}
        channels = {session_channel(s.session_id) for s in sockets}
        channels.update(session_channel(session_id) for session_id in asked)
        channels.update(process_channel(p) for p in processes)
        if not channels:
            return
        listening = await self.bus.listeners(sorted(channels))
        for socket in sockets:
            if not listening.get(session_channel(socket.session_id)):
                # Its owner ended, or is reconnecting to the broker: the page's reconnect tells.
                logger.info("session %s: its process stopped listening", socket.session_id[:8])
                socket.hang_up(CLOSE_RECONNECT, "lost the session's process, reconnect")
        for session_id in asked:
            if not listening.get(session_channel(session_id)):
                self.pending.owner_gone(session_id)
        self.owner.processes_gone({p for p in processes if not listening.get(process_channel(p))})
