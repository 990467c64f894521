#pragma once
// A PostgreSQL 15 + PostGIS 3 server of the test's own, from Debian's packages: a fresh cluster in
// a temporary folder, listening on 127.0.0.1 at a free port, trust authentication, stopped and
// removed at the end. As root (CI containers) it runs as the `postgres` user, since PostgreSQL
// refuses to run as root.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "tests/test_support.h"

namespace jbt::test {

class PostgisServer {
public:
    PostgisServer() {
        dir_ = std::filesystem::temp_directory_path() / ("jbt-pg-" + std::to_string(getpid()));
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
        if (getuid() == 0) run("chown postgres:postgres '" + dir_.string() + "'");
        port_ = freePort();
        const std::string bin = "/usr/lib/postgresql/15/bin/";
        CommandResult init = as(bin + "initdb -D '" + (dir_ / "data").string() + "' -U jbt --auth=trust -E UTF8 --locale=C.UTF-8 2>&1");
        if (init.exitCode != 0) {
            error_ = "initdb failed: " + init.out;
            return;
        }
        CommandResult start = as(bin + "pg_ctl -D '" + (dir_ / "data").string() + "' -l '" + (dir_ / "log").string() +
                                 "' -w -o \"-p " + std::to_string(port_) + " -k '" + dir_.string() +
                                 "' -c listen_addresses=127.0.0.1\" start 2>&1");
        if (start.exitCode != 0) {
            error_ = "pg_ctl start failed: " + start.out;
            return;
        }
        started_ = true;
        CommandResult db = sql("postgres", "CREATE DATABASE jbt");
        CommandResult ext = sql("jbt", "CREATE EXTENSION postgis");
        if (db.exitCode != 0 || ext.exitCode != 0) error_ = "database setup failed: " + db.out + ext.out;
    }
    ~PostgisServer() {
        if (started_)
            as("/usr/lib/postgresql/15/bin/pg_ctl -D '" + (dir_ / "data").string() + "' -m fast -w stop >/dev/null 2>&1");
        std::filesystem::remove_all(dir_);
    }
    PostgisServer(const PostgisServer&) = delete;
    PostgisServer& operator=(const PostgisServer&) = delete;

    const std::string& error() const { return error_; }  // empty when it runs
    int port() const { return port_; }
    // An OGR connection string to the test database.
    std::string connection() const { return "PG:host=127.0.0.1 port=" + std::to_string(port_) + " user=jbt dbname=jbt"; }
    // psql on `database`, unaligned and quiet: the query's result, one value per line.
    CommandResult sql(const std::string& database, const std::string& query) const {
        return run("psql -h 127.0.0.1 -p " + std::to_string(port_) + " -U jbt -d " + database + " -At -c \"" + query + "\" 2>&1");
    }

private:
    CommandResult as(const std::string& command) const {
        return run(getuid() == 0 ? "runuser -u postgres -- sh -c '" + escape(command) + "'" : command);
    }
    static std::string escape(const std::string& s) {
        std::string out;
        for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
        return out;
    }
    static int freePort() {
        int s = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = 0;
        socklen_t len = sizeof a;
        bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
        getsockname(s, reinterpret_cast<sockaddr*>(&a), &len);
        close(s);
        return ntohs(a.sin_port);
    }

    std::filesystem::path dir_;
    int port_ = 0;
    bool started_ = false;
    std::string error_;
};

}  // namespace jbt::test
