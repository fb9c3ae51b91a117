import Foundation
import Testing

@Suite(.serialized) struct CLIFlowTests {
    @Test func walkInCallReceiveAndShow() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        let a = try desk.ok(["walkin", "add", "--name", "Nguyễn Hồng Sự", "--phone", "0912 345 678"], at: "2026-11-25 08:00")
        #expect(a.stdout.contains("Số thứ tự: A001"))
        try desk.ok(["walkin", "add", "--name", "Lê Thị Cúc", "--priority", "elderly"])
        let rows = try desk.rows(["queue", "list"])
        #expect(rows.map { $0["ticket"] as? String } == ["B001", "A001"])
        #expect(rows.first?["priority"] as? String == "elderly")
        #expect(rows.last?["issued_at"] as? String == "2026-11-25T08:00:00+07:00")
        #expect(rows.last?["phone"] as? String == "0912345678")

        let call = try desk.object(["queue", "call-next", "--counter", "1"], at: "2026-11-25 08:10")
        #expect((call["called"] as? [String: Any])?["ticket"] as? String == "B001")
        #expect(call["finished"] is NSNull)
        let dossier = try desk.object(["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Lê Thị Cúc", "--ticket", "B001",
                                       "--counter", "1"], at: "2026-11-25 08:20")
        #expect(dossier["code"] as? String == "MC-261125-001")
        #expect(dossier["due_date"] as? String == "2026-11-30")
        #expect(dossier["ticket"] as? String == "B001")
        try desk.ok(["queue", "done", "B001", "--counter", "1"], at: "2026-11-25 08:25")
        #expect(try desk.ticketStatuses() == ["B001": "done", "A001": "waiting"])
        let show = try desk.ok(["dossier", "show", "MC-261125-001"], at: "2026-11-25 08:30")
        #expect(show.stdout.contains("Ngày hẹn trả") && show.stdout.contains("30/11/2026"))
        // The history is worded for people, from the stored action names.
        #expect(show.stdout.contains("Tiếp nhận hồ sơ"), "\(show.stdout)")
        let en = try desk.ok(["dossier", "show", "MC-261125-001", "--lang", "en"])
        #expect(en.stdout.contains("Dossier received"), "\(en.stdout)")
    }

    @Test func dossierLifecycleAndOverdue() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        let rec = try desk.object(["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Phạm Văn Đồng"], at: "2026-11-02 09:00")
        let code = try #require(rec["code"] as? String)
        let early = try desk.run(["dossier", "return", code, "--received-by", "Phạm Văn Đồng"], at: "2026-11-03 09:00")
        #expect(early.status == 2)
        #expect(early.stderr.contains("chỉ trả kết quả khi hồ sơ đã có kết quả"), "\(early.stderr)")
        let overdue = try desk.rows(["dossier", "list", "--overdue"], at: "2026-11-25 09:00")
        #expect(overdue.map { $0["code"] as? String } == [code])
        #expect(overdue.first?["overdue"] as? Bool == true)
        try desk.ok(["dossier", "ready", code], at: "2026-11-25 09:05")
        let posted = try desk.object(["dossier", "post", code, "--tracking-number", "EC136431858VN", "--address", "Ấp 3, xã Tân Phú"],
                                     at: "2026-11-25 09:10")
        #expect(posted["status"] as? String == "posted")
        #expect(posted["tracking_number"] as? String == "EC136431858VN")
        #expect(posted["delivery_address"] as? String == "Ấp 3, xã Tân Phú")
        #expect(try desk.rows(["dossier", "list", "--overdue"], at: "2026-11-25 09:15").isEmpty)
        #expect(try desk.rows(["dossier", "list", "--status", "posted"]).map { $0["code"] as? String } == [code])
    }

    @Test func calendarAnswersFromTheCommandLine() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        let due = try desk.object(["calendar", "due", "--from", "2026-02-13", "--days", "1"])
        #expect(due["due"] as? String == "2026-02-23")
        let holidays = try desk.rows(["calendar", "holidays", "--year", "2026"])
        let dates = holidays.compactMap { $0["date"] as? String }
        #expect(dates.contains("2026-02-17") && dates.contains("2026-04-27") && dates.contains("2026-11-24"))
        let lunar = try desk.object(["calendar", "lunar", "2026-04-26"])
        #expect(lunar["lunar_month"] as? Int == 3)
        #expect(lunar["lunar_day"] as? Int == 10)
    }

    @Test func demoThenCheck() throws {
        let desk = try CLIDesk(now: "2026-11-25 10:30")
        defer { desk.remove() }
        let made = try desk.ok(["demo"]).stdout
        // The summary counts every dossier it made (the home delivery's too).
        let said = made.components(separatedBy: " hồ sơ").first?.split(separator: " ").last.flatMap { Int($0) }
        #expect(said == (try desk.rows(["dossier", "list"]).count), "\(made)")
        let check = try desk.object(["check"])
        #expect(check["ok"] as? Bool == true, "\(check)")
        #expect(try desk.rows(["dossier", "list", "--overdue"]).count > 0)
        #expect(try desk.rows(["queue", "list"]).count > 0)
        let again = try desk.run(["demo"])
        #expect(again.status != 0)
        // No dossier received on a Sunday (the desk is closed), none of the demo's.
        for row in try desk.rows(["dossier", "list"]) {
            let received = try #require(row["received_at"] as? String)
            let day = try #require(LocalDateForTest(iso: String(received.prefix(10))))
            #expect(day.weekday != 1, "received on a Sunday: \(received)")
            // Trial: a same-day dossier was "ready" at 08:00, before it was received at 09:03.
            // (ISO times in one offset compare as text.)
            if let ready = row["ready_at"] as? String { #expect(ready > received, "\(row["code"] ?? "") ready \(ready) before \(received)") }
            if let ready = row["ready_at"] as? String, let closed = row["closed_at"] as? String {
                #expect(closed >= ready, "\(row["code"] ?? "") closed \(closed) before ready \(ready)")
            }
        }
    }

    /// Issue: call-next left the previous ticket called, so one counter held two.
    @Test func callNextTwiceFinishesTheFirst() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        try desk.ok(["walkin", "add", "--name", "Nguyễn Văn An"], at: "2026-11-25 08:00")
        try desk.ok(["walkin", "add", "--name", "Trần Thị Bình"], at: "2026-11-25 08:01")
        _ = try desk.object(["queue", "call-next", "--counter", "1"], at: "2026-11-25 08:10")
        let second = try desk.object(["queue", "call-next", "--counter", "1"], at: "2026-11-25 08:20")
        let finished = try #require(second["finished"] as? [String: Any], "\(second)")
        let called = try #require(second["called"] as? [String: Any], "\(second)")
        #expect(finished["ticket"] as? String == "A001" && finished["status"] as? String == "done")
        #expect(finished["finished_at"] as? String == "2026-11-25T08:20:00+07:00")
        #expect(called["ticket"] as? String == "A002" && called["status"] as? String == "called" && called["counter"] as? Int == 1)
        let atCounter = try desk.rows(["queue", "list"]).filter { $0["counter"] as? Int == 1 && $0["status"] as? String == "called" }
        #expect(atCounter.map { $0["ticket"] as? String } == ["A002"])
        // Nobody waits: the last one is finished and nobody is called.
        let last = try desk.object(["queue", "call-next", "--counter", "1"], at: "2026-11-25 08:30")
        #expect((last["finished"] as? [String: Any])?["ticket"] as? String == "A002")
        #expect(last["called"] is NSNull)
        let text = try desk.ok(["queue", "call-next", "--counter", "1"])
        #expect(text.stdout.contains("Không còn ai đang chờ"))
    }

    /// The issue's scenario, start to end on one pinned day: register, call, receive, ready, post,
    /// undo, bring back a no-show. The rows and the order of events are read back as JSON.
    @Test func aMorningAtTheDesk() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        try desk.ok(["setup", "--desk-code", "XTP", "--counters", "2"], at: "2026-11-25 07:30")
        try desk.ok(["walkin", "add", "--name", "Nguyễn Thị Hòa", "--id-number", "001203004567", "--procedure", "HT-XNHN"], at: "2026-11-25 08:00")
        try desk.ok(["walkin", "add", "--name", "Trần Văn Bảy"], at: "2026-11-25 08:02")
        try desk.ok(["walkin", "add", "--name", "Lê Thị Cúc"], at: "2026-11-25 08:04")
        // Counter 1 calls Hòa and receives her dossier.
        let call = try desk.object(["queue", "call-next", "--counter", "1", "--clerk", "Lan"], at: "2026-11-25 08:10")
        #expect((call["called"] as? [String: Any])?["ticket"] as? String == "A001")
        let dossier = try desk.object(["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Nguyễn Thị Hòa", "--id-number", "001203004567",
                                       "--ticket", "A001", "--counter", "1", "--delivery", "post", "--delivery-address", "Ấp 3, xã Tân Phú",
                                       "--clerk", "Lan"], at: "2026-11-25 08:15")
        let code = try #require(dossier["code"] as? String)
        #expect(code == "XTP-261125-001")
        #expect(dossier["clerk"] as? String == "Lan" && dossier["counter"] as? Int == 1)
        // Counter 2 calls Bảy, who does not come.
        let c2 = try desk.object(["queue", "call-next", "--counter", "2", "--clerk", "Minh"], at: "2026-11-25 08:16")
        #expect((c2["called"] as? [String: Any])?["ticket"] as? String == "A002")
        try desk.ok(["queue", "no-show", "A002", "--counter", "2", "--clerk", "Minh"], at: "2026-11-25 08:20")
        // Later the same morning, Bảy comes back: waiting in his place, called before Cúc.
        let back = try desk.object(["queue", "bring-back", "A002", "--counter", "2", "--clerk", "Minh"], at: "2026-11-25 09:00")
        #expect(back["status"] as? String == "waiting" && back["issued_at"] as? String == "2026-11-25T08:02:00+07:00")
        #expect(back["counter"] is NSNull)
        let waiting = try desk.rows(["queue", "list"]).filter { $0["status"] as? String == "waiting" }
        #expect(waiting.map { $0["ticket"] as? String } == ["A002", "A003"])
        let next = try desk.object(["queue", "call-next", "--counter", "2", "--clerk", "Minh"], at: "2026-11-25 09:01")
        #expect((next["called"] as? [String: Any])?["ticket"] as? String == "A002")
        #expect(next["finished"] is NSNull)  // the no-show is not "finished" again

        // The result comes back and is posted; the post is undone (wrong slip) and posted again.
        try desk.ok(["dossier", "ready", code, "--counter", "1", "--clerk", "Lan"], at: "2026-11-27 09:00")
        try desk.ok(["dossier", "post", code, "--tracking-number", "EC136431859VN", "--accept-check-digit", "--counter", "1", "--clerk", "Lan"],
                    at: "2026-11-27 09:05")
        let undo = try desk.object(["undo", "--counter", "1", "--clerk", "Lan"], at: "2026-11-27 09:06")
        #expect(undo["undone"] as? String == "post" && undo["subject"] as? String == code)
        #expect(try desk.object(["dossier", "show", code])["dossier"].flatMap { ($0 as? [String: Any])?["status"] as? String } == "ready")
        let posted = try desk.object(["dossier", "post", code, "--tracking-number", "EC136431858VN", "--counter", "1", "--clerk", "Lan"],
                                     at: "2026-11-27 09:07")
        #expect(posted["status"] as? String == "posted" && posted["tracking_number"] as? String == "EC136431858VN")

        let show = try desk.object(["dossier", "show", code])
        let row = try #require(show["dossier"] as? [String: Any])
        #expect(row["status"] as? String == "posted")
        #expect(row["ready_at"] as? String == "2026-11-27T09:00:00+07:00")
        #expect(row["closed_at"] as? String == "2026-11-27T09:07:00+07:00")
        #expect(row["delivery_address"] as? String == "Ấp 3, xã Tân Phú")
        let events = try #require(show["events"] as? [[String: Any]])
        #expect(events.map { $0["action"] as? String } == ["receive", "ready", "post", "undo", "post"])
        #expect(events.allSatisfy { $0["user"] as? String == "Lan" && $0["counter"] as? Int == 1 })
        let undoData = try #require(events[3]["data"] as? [String: Any])
        #expect(undoData["from"] as? String == "posted" && undoData["to"] as? String == "ready")
        #expect(undoData["undoes"] as? Int == events[2]["id"] as? Int)

        let all = try desk.rows(["queue", "list", "--all"], at: "2026-11-25 09:30")
        #expect(all.map { "\($0["ticket"] as? String ?? "?"):\($0["status"] as? String ?? "?")" }
                    .sorted() == ["A001:serving", "A002:called", "A003:waiting"])
        #expect(try desk.object(["check"])["ok"] as? Bool == true)
    }
}

/// A date's weekday (1 = Sunday … 7 = Saturday) without the model, so the test checks the
/// demo independently of the working calendar it used.
struct LocalDateForTest {
    let weekday: Int
    init?(iso: String) {
        var c = DateComponents()
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        c.year = parts[0]; c.month = parts[1]; c.day = parts[2]
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(secondsFromGMT: 7 * 3600) ?? .current
        guard let date = cal.date(from: c) else { return nil }
        weekday = cal.component(.weekday, from: date)
    }
}
