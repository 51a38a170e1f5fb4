"""A real PostgreSQL server for the team tests: Debian's `postgresql` package, a fresh
cluster in a temporary folder, on 127.0.0.1 and a free port, password logins only.

`initdb` refuses to run as root, so when the tests run as root the cluster's folder is
given to the `postgres` user and the server's programs run as it (`runuser`).
"""

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SUPERUSER_PASSWORD = "s3cret-Manager"


def binaries() -> Path | None:
    """The newest installed PostgreSQL's bin folder, None when there is none."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda path: int(Path(path).parent.parent.name),
    )
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    host: str
    port: int
    folder: Path
    bin: Path
    as_user: list[str]

    def url(self, user: str = "postgres", password: str | None = SUPERUSER_PASSWORD) -> str:
        secret = f":{password}" if password else ""
        return f"postgresql://{user}{secret}@{self.host}:{self.port}/repdesk"

    def admin(self):
        """A psycopg connection as the superuser (autocommit) to look at the server."""
        import psycopg

        return psycopg.connect(self.url(), autocommit=True)

    def run(self, *command: str) -> None:
        subprocess.run(
            [*self.as_user, *command], check=True, capture_output=True, text=True, timeout=120
        )


def start() -> Server:
    bin_dir = binaries()
    folder = Path(tempfile.mkdtemp(prefix="repdesk-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        import pwd

        account = pwd.getpwnam("postgres")
        os.chown(folder, account.pw_uid, account.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    password_file = folder / "password"
    password_file.write_text(SUPERUSER_PASSWORD)
    if as_user:
        os.chown(password_file, account.pw_uid, account.pw_gid)
    data = folder / "data"
    port = _free_port()
    server = Server("127.0.0.1", port, folder, bin_dir, as_user)
    server.run(
        str(bin_dir / "initdb"),
        "-D",
        str(data),
        "-U",
        "postgres",
        "--auth=scram-sha-256",
        f"--pwfile={password_file}",
        "--no-sync",
    )
    server.run(
        str(bin_dir / "pg_ctl"),
        "-D",
        str(data),
        "-l",
        str(folder / "log"),
        "-w",
        "-o",
        f"-k {folder} -c listen_addresses=127.0.0.1 -p {port} -c fsync=off",
        "start",
    )
    with _connect(server, "postgres") as connection:
        connection.execute("CREATE DATABASE repdesk")
    return server


def _connect(server: Server, database: str):
    import psycopg

    return psycopg.connect(
        host=server.host,
        port=server.port,
        user="postgres",
        password=SUPERUSER_PASSWORD,
        dbname=database,
        autocommit=True,
    )


def stop(server: Server) -> None:
    server.run(str(server.bin / "pg_ctl"), "-D", str(server.folder / "data"), "-m", "fast", "stop")
    shutil.rmtree(server.folder, ignore_errors=True)


def reset(server: Server) -> None:
    """Drop RepDesk's tables and the reps' roles: each test starts from an empty server."""
    with server.admin() as connection:
        connection.execute("DROP TABLE IF EXISTS repdesk_row, repdesk_gone, repdesk_rep CASCADE")
        connection.execute("DROP SEQUENCE IF EXISTS repdesk_seq")
        for (role,) in connection.execute(
            "SELECT rolname FROM pg_roles WHERE rolname LIKE 'rep\\_%'"
        ).fetchall():
            connection.execute(f'DROP ROLE "{role}"')
