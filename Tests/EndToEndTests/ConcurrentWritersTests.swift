import Foundation
import Testing

/// Two desk processes registering walk-ins at the same moment never get the same number.
@Suite struct ConcurrentWritersTests {
    @Test func twoProcessesGetUniqueTicketNumbers() throws {
        let desk = try CLIDesk(now: "2026-11-25 08:00")
        defer { desk.remove() }
        try desk.ok(["setup"])  // create the file once
        let perProcess = 100
        // Each child is a shell loop, so both processes write interleaved for the whole run.
        let script = "for i in $(seq 1 \(perProcess)); do \"$2\" walkin add --name \"Người $0 số $i\" --db \"$1\" --now '2026-11-25 08:00' >/dev/null || exit 1; done"
        let db = desk.db, binary = MotcuaProcess.binary
        let statuses = Statuses()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let tag = i == 0 ? "A" : "B"
            let r = Result { try MotcuaProcess.run(executable: "/bin/sh", ["-c", script, tag, db, binary], timeout: 120, name: ["sh", "loop", tag]) }
            statuses.set(tag, r.map { "\($0.status) \($0.stderr)" })
        }
        for tag in ["A", "B"] {
            let outcome = try #require(statuses.get(tag))
            #expect(try outcome.get().hasPrefix("0 "), "\(tag): \(outcome)")
        }
        let codes = try desk.rows(["queue", "list"], at: "2026-11-25 09:00").compactMap { $0["ticket"] as? String }
        #expect(codes.count == 2 * perProcess)
        #expect(Set(codes).count == codes.count)
        #expect(Set(codes) == Set((1...(2 * perProcess)).map { String(format: "A%03d", $0) }))
    }
}

final class Statuses: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Result<String, any Error>] = [:]
    func set(_ key: String, _ value: Result<String, any Error>) { lock.withLock { values[key] = value } }
    func get(_ key: String) -> Result<String, any Error>? { lock.withLock { values[key] } }
}
