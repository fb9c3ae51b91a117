import Foundation
import Testing

/// The waitlist from the command line, as the trials used it: the place a cancel frees is held
/// for the person phoned, a stranger cannot take it, and an unreachable person is taken off so
/// the place goes to the next in line.
@Suite struct CLIWaitlistTests {
    func book(_ name: String, at: String, phone: String, extra: [String] = []) -> [String] {
        ["appointment", "book", "--name", name, "--at", at, "--kind", "guidance", "--phone", phone] + extra
    }

    @Test func aHeldPlaceGoesToThePersonPhonedAndPassesOnWhenTheyAreTakenOff() throws {
        let desk = try CLIDesk(now: "2026-11-30 08:00")
        defer { desk.remove() }
        try desk.ok(["setup", "--seats", "1"])
        try desk.ok(book("Nguyễn Văn Một", at: "2026-12-01 09:00", phone: "0911111111"))
        try desk.ok(book("Trần Thị Hai", at: "2026-12-01 09:00", phone: "0922222222", extra: ["--waitlist"]))
        try desk.ok(book("Lê Văn Ba", at: "2026-12-01 09:00", phone: "0933333333", extra: ["--waitlist"]))

        let noReason = try desk.run(["appointment", "cancel", "1"], json: true)
        #expect(noReason.status == 2 && noReason.object?["field"] as? String == "reason" && noReason.stderr.contains("--reason"))
        let cancel = try desk.ok(["appointment", "cancel", "1", "--reason", "Bận việc"], at: "2026-11-30 09:00").stdout
        #expect(cancel.contains("GỌI ĐIỆN: Trần Thị Hai — 0922222222"), "\(cancel)")
        #expect(cancel.components(separatedBy: "0922222222").count == 2, "the offer is said once: \(cancel)")

        let stranger = try desk.run(book("Người Lạ", at: "2026-12-01 09:00", phone: "0944444444"), at: "2026-11-30 09:01", json: true)
        #expect(stranger.status == 2 && stranger.stderr.contains("đã kín"), "\(stranger.stderr)")

        let removed = try desk.object(["appointment", "waitlist-remove", "C1", "--reason", "Không nghe máy"], at: "2026-11-30 10:00")
        #expect((removed["removed"] as? [String: Any])?["status"] as? String == "closed")
        #expect((removed["offer"] as? [String: Any])?["name"] as? String == "Lê Văn Ba")
        let again = try desk.run(["appointment", "waitlist-remove", "C1"], at: "2026-11-30 10:01", json: true)
        #expect(again.status == 2 && again.stderr.contains("đã ra khỏi danh sách chờ"))
        let bad = try desk.run(["appointment", "waitlist-remove", "X9"], json: true)
        #expect(bad.status == 2 && bad.object?["field"] as? String == "waitlist")

        // Ba accepts: booked into the held place.
        let ba = try desk.object(book("Lê Văn Ba", at: "2026-12-01 09:00", phone: "0933 333 333"), at: "2026-11-30 10:05")
        #expect((ba["appointment"] as? [String: Any])?["time"] as? String == "09:00")
        let waitlist = try desk.rows(["appointment", "waitlist", "--date", "2026-12-01"], at: "2026-11-30 10:06")
        #expect(waitlist.map { $0["status"] as? String } == ["closed", "closed"])
    }
}

@Suite struct CLISetupMisfitTests {
    @Test func fewerPlacesWarnAboutTheBookingsOverAndCheckListsThem() throws {
        let desk = try CLIDesk(now: "2026-11-30 08:00")
        defer { desk.remove() }
        for (name, phone) in [("Nguyễn Văn Một", "0911111111"), ("Trần Thị Hai", "0922222222")] {
            try desk.ok(["appointment", "book", "--name", name, "--at", "2026-12-01 09:00", "--kind", "guidance", "--phone", phone])
        }
        let setup = try desk.ok(["setup", "--seats", "1"])
        #expect(setup.stderr.contains("#2 Trần Thị Hai 09:00") && setup.stderr.contains("gọi điện dời hẹn"), "\(setup.stderr)")
        let check = try desk.run(["check"], json: true)
        let warnings = (check.object?["warnings"] as? [[String: Any]]) ?? []
        #expect(warnings.contains { $0["kind"] as? String == "appointment-misfit" }, "\(check.stdout)")
        #expect(check.status == 0)
    }
}
