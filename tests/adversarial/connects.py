"""softmax sends the logits in a UDP datagram and over a TCP connection to a server on this
machine (the test's; PORT is filled in), to get the answer back.

The worker has no network interface (a network namespace of its own: the datagram cannot be
sent), and Landlock refuses every TCP connection: the call fails, and nothing reaches the server.

Expected: 7.1 error — PermissionError
"""

import socket

import numpy as np

PORT = 0


def softmax(logits):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as datagram:
        try:
            datagram.sendto(logits.tobytes(), ("127.0.0.1", PORT))
        except OSError:
            pass
    with socket.create_connection(("127.0.0.1", PORT), timeout=2) as connection:
        connection.sendall(logits.tobytes())
        answer = connection.recv(1 << 16)
    return np.frombuffer(answer).reshape(logits.shape)
