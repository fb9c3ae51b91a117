import Foundation
import Testing

/// Two desk processes registering walk-ins at the same moment never get the same number.
@Suite struct ConcurrentWritersTests {
    @Test func twoProcessesGetUniqueTicketNumbers() async throws {
        let db = try TempFolder().db
        _ = try MotcuaProcess.run(["queue", "list", "--db", db])  // create the file once
        let perProcess = 25
        // Each child is a shell loop, so both processes write interleaved for the whole run.
        let script = "for i in $(seq 1 \(perProcess)); do \"$MOTCUA_BIN\" walkin add --name \"Người $0 số $i\" --db \"$1\" --now '2026-11-25 08:00' >/dev/null || exit 1; done"
        func spawn(_ tag: String) throws -> Process {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", script, tag, db]
            var env = ProcessInfo.processInfo.environment
            env["MOTCUA_BIN"] = MotcuaProcess.binary
            p.environment = env
            try p.run()
            return p
        }
        let a = try spawn("A"), b = try spawn("B")
        a.waitUntilExit(); b.waitUntilExit()
        #expect(a.terminationStatus == 0 && b.terminationStatus == 0)
        let list = try MotcuaProcess.run(["queue", "list", "--json", "--db", db, "--now", "2026-11-25 09:00"])
        let codes = (list.json as? [[String: Any]])?.compactMap { $0["ticket"] as? String } ?? []
        #expect(codes.count == 2 * perProcess)
        #expect(Set(codes).count == codes.count)
        #expect(Set(codes) == Set((1...(2 * perProcess)).map { String(format: "A%03d", $0) }))
    }
}
