import Foundation
import MotCuaStore
import Testing

/// A desk process killed (SIGKILL: a power cut, `kill -9`) at any moment of a write never loses
/// a ticket it had already printed, and never leaves the file inconsistent.
@Suite struct KillTrialsTests {
    @Test func fiftyKillsLoseNoReportedTicket() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        try desk.ok(["setup"])
        var rng = SystemRandomNumberGenerator()
        var reported: Set<String> = []
        var killed = 0
        for i in 1...50 {
            let p = try ChildProcess(MotcuaProcess.binary,
                                     ["walkin", "add", "--name", "Người \(i)", "--db", desk.db, "--now", "2026-11-25 08:00", "--json"],
                                     stdout: .pipe)
            // Spread over the process's life (start, open, the transaction, the print).
            Thread.sleep(forTimeInterval: Double(Int.random(in: 0...120, using: &rng)) / 1000)
            kill(p.pid, SIGKILL)
            p.waitUntilExit()
            if p.wasSignaled { killed += 1 }
            if let code = p.stdoutReader?.text(waiting: 5).firstMatch(of: /"ticket" : "(A\d{3})"/)?.1 { reported.insert(String(code)) }
        }
        let listed = try desk.rows(["queue", "list"]).compactMap { $0["ticket"] as? String }
        #expect(reported.isSubset(of: Set(listed)), "lost: \(reported.subtracting(listed).sorted())")
        #expect(Set(listed).count == listed.count)
        #expect(killed > 0, "no trial was killed mid-way")
        #expect(try desk.run(["check"]).status == 0)
        try desk.ok(["walkin", "add", "--name", "Sau Cùng"])
    }
}
