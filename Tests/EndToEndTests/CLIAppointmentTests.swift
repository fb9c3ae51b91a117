import Foundation
import Testing

/// Hẹn giờ from the command line: booking rules, capacity across processes, the waitlist,
/// check-in against the walk-in queue, and the call list.
@Suite(.serialized) struct CLIAppointmentTests {
    /// Everything a refused booking could have touched, for the days it concerns.
    func snapshot(_ desk: CLIDesk, days: [String]) throws -> String {
        try days.map { d in
            try desk.run(["appointment", "list", "--date", d], json: true).stdout
                + desk.run(["appointment", "waitlist", "--date", d], json: true).stdout
        }.joined()
    }

    /// Refused with exit 2, the field named in JSON, `mentions` in the message, nothing written.
    func expectRefused(_ args: [String], desk: CLIDesk, field: String, mentions: [String], days: [String] = [],
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try snapshot(desk, days: days)
        let r = try desk.run(args, json: true)
        #expect(r.status == 2, "exit \(r.status) for \(args): \(r.stdout) \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.object?["field"] as? String == field, "stdout: \(r.stdout)", sourceLocation: sourceLocation)
        for m in mentions {
            #expect(r.stderr.contains(m), "'\(m)' not in: \(r.stderr)", sourceLocation: sourceLocation)
        }
        #expect(try snapshot(desk, days: days) == before, "something was written by \(args)", sourceLocation: sourceLocation)
    }

    func book(_ name: String, at: String, kind: String = "guidance", phone: String? = nil, extra: [String] = []) -> [String] {
        ["appointment", "book", "--name", name, "--at", at, "--kind", kind] + (phone.map { ["--phone", $0] } ?? []) + extra
    }

    @Test func bookListFreeShowOnePlaceFewer() throws {
        let desk = try CLIDesk(now: "2026-11-30 08:00")
        defer { desk.remove() }
        try desk.ok(["setup", "--desk-name", "Trung tâm Phục vụ hành chính công xã Tân Phú", "--counters", "2"])
        let before = try desk.object(["appointment", "free", "--date", "2026-12-01"])
        let slot = { (o: [String: Any]) in (o["slots"] as? [[String: Any]])?.first { $0["time"] as? String == "08:30" } }
        #expect(slot(before)?["free"] as? Int == 2 && slot(before)?["capacity"] as? Int == 2, "\(before)")
        #expect(before["hours"] as? [String] == ["07:00-11:30", "13:30-17:00"])
        #expect(before["closed"] is NSNull)

        let booked = try desk.object(book("Nguyễn Văn An", at: "2026-12-01 08:30", phone: "0912 345 678"))
        #expect(booked["result"] as? String == "booked")
        let a = try #require(booked["appointment"] as? [String: Any])
        #expect(a["id"] as? Int == 1 && a["time"] as? String == "08:30" && a["end"] as? String == "08:45")
        #expect(a["phone"] as? String == "0912345678" && a["status"] as? String == "booked")
        #expect(booked["waitlist"] is NSNull)
        // Every key on the row, null where empty.
        for key in ["id", "day", "time", "end", "kind", "status", "name", "phone", "id_number", "procedures", "dossier",
                    "address", "travel_before", "travel_after", "ticket"] {
            #expect(a.keys.contains(key), "no key \(key) in \(a)")
        }
        #expect(a["dossier"] is NSNull && a["ticket"] is NSNull)

        let list = try desk.rows(["appointment", "list", "--date", "01/12/2026"])
        #expect(list.count == 1 && list.first?["name"] as? String == "Nguyễn Văn An")
        let text = try desk.ok(["appointment", "list", "--date", "2026-12-01"]).stdout
        #expect(text.contains("08:30–08:45") && text.contains("#1") && text.contains("Hướng dẫn") && text.contains("0912345678")
                && text.contains("Đã hẹn"), "\(text)")
        let after = try desk.object(["appointment", "free", "--date", "2026-12-01"])
        #expect(slot(after)?["free"] as? Int == 1, "\(after)")
        #expect(try desk.ok(["appointment", "free", "--date", "2026-12-01"]).stdout.contains("08:30 1/2"))

        // A submission takes its procedures; a closed day says why.
        let sub = try desk.object(book("Lê Thị Cúc", at: "2026-12-01 13:30", kind: "submission", extra: ["--procedure", "HT-XNHN"]))
        #expect((sub["appointment"] as? [String: Any])?["procedures"] as? [String] == ["HT-XNHN"])
        let closed = try desk.ok(["appointment", "list", "--date", "2026-11-24"]).stdout
        #expect(closed.contains("không nhận hẹn") && closed.contains("Ngày Văn hóa Việt Nam"), "\(closed)")
    }

    @Test func bookingErrorsNameTheFieldAndTheNextFreeSlot() throws {
        let desk = try CLIDesk(now: "2026-11-30 10:00")
        defer { desk.remove() }
        // A refusal on a new file leaves no file behind.
        let first = try desk.run(book("Nguyễn Văn An", at: "2026-12-01 12:00"), json: true)
        #expect(first.status == 2 && first.object?["field"] as? String == "at")
        #expect(desk.folder.contents.isEmpty, "\(desk.folder.contents)")

        try desk.ok(book("Trần Văn Bình", at: "2026-12-01 08:30", phone: "0987654321"))
        let days = ["2026-11-30", "2026-12-01", "2026-12-06"]
        try expectRefused(book("Nguyễn Văn An", at: "2026-12-01 12:00"), desk: desk, field: "at",
                          mentions: ["nghỉ trưa", "giờ trống gần nhất: 11:15 Thứ Ba 01/12/2026"], days: days)
        try expectRefused(book("Nguyễn Văn An", at: "2026-12-06 09:00"), desk: desk, field: "at",
                          mentions: ["Chủ nhật", "giờ trống gần nhất: 07:00 Thứ Hai 07/12/2026"], days: days)
        try expectRefused(book("Nguyễn Văn An", at: "2026-11-30 09:00"), desk: desk, field: "at",
                          mentions: ["đã qua", "giờ trống gần nhất: 11:00 Thứ Hai 30/11/2026"], days: days)
        try expectRefused(book("Nguyễn Văn An", at: "2026-11-30 10:30"), desk: desk, field: "at",
                          mentions: ["ít nhất 60 phút", "giờ trống gần nhất: 11:00 Thứ Hai 30/11/2026"], days: days)
        try expectRefused(book("Nguyễn Văn An", at: "2027-01-15 09:00"), desk: desk, field: "at",
                          mentions: ["tối đa 30 ngày", "giờ trống gần nhất: 16:45 Thứ Tư 30/12/2026"], days: days)
        try expectRefused(book("Nguyễn Văn An", at: "2026-12-01 16:50"), desk: desk, field: "at",
                          mentions: ["không vừa trước 17:00", "giờ trống gần nhất"], days: days)
        // Over the per-person cap (one a day by default): the phone is to blame.
        try expectRefused(book("Trần Văn Bình", at: "2026-12-01 09:30", phone: "0987 654 321"), desk: desk, field: "phone",
                          mentions: ["#1 08:30", "tối đa 1"], days: days)
        // Malformed input is named as the option typed.
        try expectRefused(book("Nguyễn Văn An", at: "2026-13-01 08:30"), desk: desk, field: "at", mentions: ["--at", "2026-13-01"], days: days)
        try expectRefused(book("Nguyễn Văn An", at: "mai 8 giờ"), desk: desk, field: "at", mentions: ["--at"], days: days)
        try expectRefused(book("Nguyễn Văn An", at: "2026-12-01 08:30", kind: "vip"), desk: desk, field: "kind",
                          mentions: ["--kind", "vip"], days: days)
        try expectRefused(["appointment", "list", "--date", "31/02/2026"], desk: desk, field: "date", mentions: ["--date", "31/02/2026"])
        try expectRefused(["appointment", "free", "--date", "hôm qua"], desk: desk, field: "date", mentions: ["--date"])
        // Home delivery: a dossier is needed, and it must exist.
        try expectRefused(book("Nguyễn Văn An", at: "2026-12-01 09:00", kind: "home", extra: ["--address", "Ấp 3, xã Tân Phú"]),
                          desk: desk, field: "dossier", mentions: ["--dossier"], days: days)
        try expectRefused(book("Nguyễn Văn An", at: "2026-12-01 09:00", kind: "home", extra: ["--dossier", "MC-261101-999"]),
                          desk: desk, field: "dossier", mentions: ["MC-261101-999"], days: days)
        try expectRefused(book("Nguyễn Văn An", at: "2026-12-01 09:00", kind: "submission"), desk: desk, field: "procedure",
                          mentions: ["--procedure"], days: days)
        try expectRefused(["appointment", "cancel", "abc", "--reason", "x"], desk: desk, field: "appointment", mentions: ["abc"], days: days)
        try expectRefused(["appointment", "cancel", "#1"], desk: desk, field: "reason", mentions: ["lý do"], days: days)
        try expectRefused(["appointment", "check-in", "#99"], desk: desk, field: "appointment", mentions: ["#99"], days: days)
        #expect(try desk.rows(["appointment", "list", "--date", "2026-12-01"]).count == 1)
    }

    /// The working calendar decides: Tết 2026 (16–20/02), the Giỗ Tổ day off (Monday 27/04/2026,
    /// 10/3 âm lịch falling on Sunday 26/04), and the make-up Saturday 10/01/2026 is open.
    @Test func tetGioToAndTheMakeUpSaturday() throws {
        let desk = try CLIDesk(now: "2026-02-02 08:00")
        defer { desk.remove() }
        try desk.ok(book("Nguyễn Văn An", at: "2026-02-03 09:00"))
        try expectRefused(book("Lê Thị Cúc", at: "2026-02-17 09:00"), desk: desk, field: "at",
                          mentions: ["17/02/2026", "Tết Bính Ngọ", "giờ trống gần nhất: 07:00 Thứ Hai 23/02/2026"], days: ["2026-02-17"])
        try expectRefused(book("Lê Thị Cúc", at: "2026-02-20 14:00"), desk: desk, field: "at",
                          mentions: ["Tết", "giờ trống gần nhất: 07:00 Thứ Hai 23/02/2026"], days: ["2026-02-20"])
        let tet = try desk.object(["appointment", "free", "--date", "2026-02-16"])
        #expect((tet["closed"] as? String)?.contains("Tết Bính Ngọ") == true && (tet["slots"] as? [Any])?.isEmpty == true, "\(tet)")
        #expect(try desk.ok(["appointment", "free", "--date", "16/02/2026"]).stdout.contains("không nhận hẹn — Tết Bính Ngọ"))

        desk.now = "2026-04-20 08:00"
        try expectRefused(book("Lê Thị Cúc", at: "2026-04-27 09:00"), desk: desk, field: "at",
                          mentions: ["27/04/2026", "Giỗ Tổ", "giờ trống gần nhất: 07:00 Thứ Ba 28/04/2026"], days: ["2026-04-27"])
        let free = try desk.object(["appointment", "free", "--date", "2026-04-27"])
        #expect((free["closed"] as? String)?.contains("Giỗ Tổ") == true)

        let saturday = try desk.object(book("Trần Văn Bình", at: "10/01/2026 08:30"), at: "2026-01-05 08:00")
        #expect((saturday["appointment"] as? [String: Any])?["day"] as? String == "2026-01-10", "\(saturday)")
        let sat = try desk.object(["appointment", "free", "--date", "2026-01-10"])
        #expect(sat["make_up_day"] as? Bool == true && sat["closed"] is NSNull && (sat["slots"] as? [Any])?.isEmpty == false)
        let ordinary = try desk.run(book("Trần Văn Bình", at: "17/01/2026 08:30"), json: true)
        #expect(ordinary.status == 2 && ordinary.stderr.contains("Thứ Bảy"), "\(ordinary.stderr)")
    }

    /// Two processes book the last place at the same moment: exactly one gets it, every time.
    @Test func twoProcessesBookingTheLastPlaceExactlyOneWins() throws {
        let desk = try CLIDesk(now: "2026-11-30 08:00")
        defer { desk.remove() }
        try desk.ok(["setup", "--seats", "1"])
        for round in 0..<5 {
            let time = "2026-12-02 " + TimeOfDayText.at(7 * 60 + round * 15)
            let results = ConcurrentResults()
            let both = [book("Nguyễn Văn An", at: time), book("Lê Thị Cúc", at: time)].map { $0 + ["--db", desk.db, "--now", desk.now] }
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                results.add(Result { try MotcuaProcess.run(both[i]) })
            }
            let all = try results.all.map { try $0.get() }
            #expect(all.count == 2)
            #expect(all.filter { $0.status == 0 }.count == 1, "round \(round): \(all.map { "\($0.status) \($0.stderr)" })")
            let loser = all.first { $0.status != 0 }
            #expect(loser?.status == 2 && loser?.stderr.contains("đã kín") == true, "\(loser?.stderr ?? "")")
            let at = try desk.rows(["appointment", "list", "--date", "2026-12-02"]).filter { $0["time"] as? String == TimeOfDayText.at(7 * 60 + round * 15) }
            #expect(at.count == 1, "round \(round): \(at)")
        }
        #expect(try desk.rows(["appointment", "list", "--date", "2026-12-02"]).count == 5)
    }

    @Test func cancelOffersThePlaceToTheFirstOnTheWaitlist() throws {
        let desk = try CLIDesk(now: "2026-11-30 08:00")
        defer { desk.remove() }
        try desk.ok(["setup", "--seats", "1"])
        try desk.ok(book("Nguyễn Văn An", at: "2026-12-01 08:30", phone: "0912345678"))
        // Full: refused without --waitlist (naming the next free slot), waitlisted with it.
        let full = try desk.run(book("Lê Thị Cúc", at: "2026-12-01 08:30", phone: "0987654321"), json: true)
        #expect(full.status == 2 && full.stderr.contains("đã kín") && full.stderr.contains("giờ trống gần nhất: 08:15"), "\(full.stderr)")
        #expect(full.object?["field"] as? String == "at")
        let w1 = try desk.object(book("Lê Thị Cúc", at: "2026-12-01 08:30", phone: "0987654321", extra: ["--waitlist"]))
        #expect(w1["result"] as? String == "waitlisted" && w1["appointment"] is NSNull)
        #expect((w1["waitlist"] as? [String: Any])?["reference"] as? String == "C1")
        try desk.ok(book("Phạm Văn Đồng", at: "2026-12-01 08:30", phone: "0901234567", extra: ["--waitlist"]), at: "2026-11-30 08:05")
        let noPhone = try desk.run(book("Võ Thị Sáu", at: "2026-12-01 08:30", extra: ["--waitlist"]), json: true)
        #expect(noPhone.status == 2 && noPhone.object?["field"] as? String == "phone")

        let cancel = try desk.object(["appointment", "cancel", "#1", "--reason", "Bận việc gia đình"], at: "2026-11-30 09:00")
        #expect((cancel["appointment"] as? [String: Any])?["status"] as? String == "cancelled")
        let offer = try #require(cancel["offer"] as? [String: Any], "\(cancel)")
        #expect(offer["name"] as? String == "Lê Thị Cúc" && offer["phone"] as? String == "0987654321")
        #expect(offer["status"] as? String == "offered" && offer["offered_time"] as? String == "08:30")
        #expect((cancel["message"] as? String)?.contains("0987654321") == true)
        let wl = try desk.rows(["appointment", "waitlist", "--date", "2026-12-01"])
        #expect(wl.map { $0["status"] as? String } == ["offered", "waiting"])
        // Undo puts it back as it was.
        let undo = try desk.ok(["undo"], at: "2026-11-30 09:01")
        #expect(undo.stdout.contains("Huỷ lịch hẹn #1"), "\(undo.stdout)")
        #expect(try desk.rows(["appointment", "waitlist", "--date", "2026-12-01"]).map { $0["status"] as? String } == ["waiting", "waiting"])
        let text = try desk.ok(["appointment", "cancel", "1", "--reason", "Bận việc gia đình"], at: "2026-11-30 09:02").stdout
        // The wording of 774b95d ("an offer is said once with what to do").
        #expect(text.contains("GỌI ĐIỆN: Lê Thị Cúc — 0987654321"), "\(text)")
    }

    /// A checked-in appointment is called at its time ahead of a walk-in issued earlier; once a
    /// walk-in has waited more than 20 minutes, at most one appointment between two walk-ins.
    @Test func checkInIssuesHTicketsCalledAtTheirTime() throws {
        let desk = try CLIDesk(now: "2026-11-30 08:00")
        defer { desk.remove() }
        try desk.ok(["setup", "--counters", "2"])
        try desk.ok(book("Nguyễn Văn An", at: "2026-12-01 08:30", phone: "0912345678"))
        try desk.ok(book("Lê Thị Cúc", at: "2026-12-01 08:30", phone: "0987654321"))
        try desk.ok(book("Trần Văn Bình", at: "2026-12-01 09:00", phone: "0901234567"))
        try desk.ok(["walkin", "add", "--name", "Phạm Thị Dung"], at: "2026-12-01 08:00")
        let early = try desk.run(["appointment", "check-in", "3"], at: "2026-11-30 17:00", json: true)
        #expect(early.status == 2 && early.stderr.contains("không phải hôm nay"), "\(early.stderr)")

        let c1 = try desk.object(["appointment", "check-in", "#1"], at: "2026-12-01 08:20")
        let t1 = try #require(c1["ticket"] as? [String: Any])
        #expect(t1["ticket"] as? String == "H001" && t1["series"] as? String == "H")
        #expect(t1["appointment_at"] as? String == "2026-12-01T08:30:00+07:00" && t1["appointment_id"] as? Int == 1)
        #expect(c1["message"] is NSNull)
        #expect((c1["appointment"] as? [String: Any])?["ticket"] as? String == "H001")
        let c2 = try desk.ok(["appointment", "check-in", "2"], at: "2026-12-01 08:25").stdout
        #expect(c2.contains("H  0  0  2"), "\(c2)")

        // Before 08:30 the walk-in is first; at 08:30 the appointment is.
        #expect(try desk.rows(["queue", "list"], at: "2026-12-01 08:26").first?["ticket"] as? String == "A001")
        let order = try desk.rows(["queue", "list"], at: "2026-12-01 08:30").map { $0["ticket"] as? String }
        #expect(order == ["H001", "A001", "H002"], "\(order)")
        let listText = try desk.ok(["queue", "list"]).stdout
        #expect(listText.contains("hẹn 08:30"), "\(listText)")
        let call1 = try desk.object(["queue", "call-next", "--counter", "1"], at: "2026-12-01 08:30")
        #expect((call1["called"] as? [String: Any])?["ticket"] as? String == "H001")
        // A001 has waited 31 minutes (> 20): it comes before the second appointment, in the
        // list as in the call (the list applies the same rule from the last call).
        let waiting = try desk.rows(["queue", "list"], at: "2026-12-01 08:31").filter { $0["status"] as? String == "waiting" }
        #expect(waiting.map { $0["ticket"] as? String } == ["A001", "H002"], "\(waiting)")
        let call2 = try desk.object(["queue", "call-next", "--counter", "2"], at: "2026-12-01 08:31")
        #expect((call2["called"] as? [String: Any])?["ticket"] as? String == "A001")
        let call3 = try desk.object(["queue", "call-next", "--counter", "1"], at: "2026-12-01 08:35")
        #expect((call3["called"] as? [String: Any])?["ticket"] as? String == "H002")
        // H001 finished by that call: its appointment is served.
        #expect(try desk.rows(["appointment", "list", "--date", "2026-12-01"]).first?["status"] as? String == "served")

        // More than 15 minutes late: a walk-in's ticket, with the message.
        let late = try desk.object(["appointment", "check-in", "3"], at: "2026-12-01 09:20")
        #expect((late["ticket"] as? [String: Any])?["ticket"] as? String == "A002", "\(late)")
        #expect((late["ticket"] as? [String: Any])?["appointment_at"] is NSNull)
        #expect((late["message"] as? String)?.contains("Đến muộn 20 phút") == true, "\(late)")
    }

    @Test func rescheduleNoShowServeAndHomeDelivery() throws {
        let desk = try CLIDesk(now: "2026-11-30 08:00")
        defer { desk.remove() }
        try desk.ok(book("Nguyễn Văn An", at: "2026-12-01 08:30", phone: "0912345678"))
        let moved = try desk.object(["appointment", "reschedule", "1", "--at", "02/12/2026 09:00"])
        let a = try #require(moved["appointment"] as? [String: Any])
        #expect(a["day"] as? String == "2026-12-02" && a["time"] as? String == "09:00" && a["reschedule_count"] as? Int == 1)
        let lunch = try desk.run(["appointment", "reschedule", "1", "--at", "2026-12-02 12:00"], json: true)
        #expect(lunch.status == 2 && lunch.object?["field"] as? String == "at" && lunch.stderr.contains("giờ trống gần nhất"))
        let tooSoon = try desk.run(["appointment", "no-show", "1"], at: "2026-12-02 09:10", json: true)
        #expect(tooSoon.status == 2 && tooSoon.stderr.contains("chưa quá giờ hẹn"), "\(tooSoon.stderr)")
        let noShow = try desk.object(["appointment", "no-show", "1"], at: "2026-12-02 09:20")
        #expect((noShow["appointment"] as? [String: Any])?["status"] as? String == "no-show")

        // A home delivery of a ready dossier: travel around the visit, the address from the option.
        let rec = try desk.object(["dossier", "receive", "--procedure", "BTXH-TCHT", "--name", "Lê Thị Cúc", "--phone", "0987654321"],
                                  at: "2026-11-30 08:10")
        let code = try #require(rec["code"] as? String)
        try desk.ok(["dossier", "ready", code], at: "2026-11-30 08:20")
        // Home visits start after the travel there: 07:20, 07:50 … (30 minutes each, 20 travel each way).
        let noAddress = try desk.run(book("Lê Thị Cúc", at: "2026-12-01 09:20", kind: "home", extra: ["--dossier", code]), json: true)
        #expect(noAddress.status == 2 && noAddress.object?["field"] as? String == "address", "\(noAddress.stderr)")
        let offGrid = try desk.run(book("Lê Thị Cúc", at: "2026-12-01 09:00", kind: "home", extra: ["--dossier", code, "--address", "Ấp 3"]), json: true)
        #expect(offGrid.status == 2 && offGrid.stderr.contains("giờ trống gần nhất: 08:50"), "\(offGrid.stderr)")
        let home = try desk.object(book("Lê Thị Cúc", at: "2026-12-01 09:20", kind: "home",
                                        extra: ["--dossier", code, "--address", "Ấp 3, xã Tân Phú"]), at: "2026-11-30 08:30")
        let h = try #require(home["appointment"] as? [String: Any])
        #expect(h["dossier"] as? String == code && h["address"] as? String == "Ấp 3, xã Tân Phú")
        #expect(h["travel_before"] as? Int == 20 && h["travel_after"] as? Int == 20 && h["time"] as? String == "09:20")
        let checkIn = try desk.run(["appointment", "check-in", String(h["id"] as? Int ?? 0)], at: "2026-12-01 09:20", json: true)
        #expect(checkIn.status == 2 && checkIn.stderr.contains("không đến quầy"), "\(checkIn.stderr)")
        // A home delivery ends with the dossier's own step, never by 'serve' alone.
        let serve = try desk.run(["appointment", "serve", "#\(h["id"] as? Int ?? 0)"], at: "2026-12-01 10:00", json: true)
        #expect(serve.status == 2 && serve.stderr.contains("deliver-home"), "\(serve.stderr)")
        try desk.ok(["dossier", "deliver-home", code, "--received-by", "Lê Thị Cúc"], at: "2026-12-01 10:00")
        let after = try desk.rows(["appointment", "list", "--date", "2026-12-01"], at: "2026-12-01 10:01")
        #expect(after.first { $0["id"] as? Int == h["id"] as? Int }?["status"] as? String == "served")
    }

    @Test func callListFileHasThePhoneNumbers() throws {
        let desk = try CLIDesk(now: "2026-11-30 08:00")
        defer { desk.remove() }
        try desk.ok(["setup", "--seats", "1", "--desk-name", "Trung tâm Phục vụ hành chính công xã Tân Phú"])
        try desk.ok(book("Nguyễn Văn An", at: "2026-12-01 08:30", phone: "0912345678"))
        try desk.ok(book("Lê Thị Cúc", at: "2026-12-01 08:30", phone: "0987654321", extra: ["--waitlist"]))
        try desk.ok(book("Trần Văn Bình Nguyên Khôi Vĩnh Phúc Thịnh Vượng Trường Tồn", at: "2026-12-01 09:00", phone: "0901234567"))
        try desk.ok(book("Phạm Thị Dung", at: "2026-12-01 10:00"))
        try desk.ok(book("Võ Văn Kiệt", at: "2026-12-02 10:00", phone: "0933333333"))
        try desk.ok(["appointment", "cancel", "1", "--reason", "Đi công tác"], at: "2026-11-30 15:00")

        // No --date: the next working day after today.
        let r = try desk.ok(["appointment", "call-list"], at: "2026-11-30 16:00")
        let path = desk.folder.path + "/call-lists/goi-dien-2026-12-01.txt"
        #expect(r.stdout.contains(path), "\(r.stdout)")
        let file = try String(contentsOfFile: path, encoding: .utf8)
        #expect(file.contains("0901234567") && file.contains("Phạm Thị Dung") && file.contains("(không có số)"), "\(file)")
        #expect(file.contains("Lê Thị Cúc — 0987654321"), "the waitlist offer: \(file)")
        #expect(!file.contains("0912345678"), "a cancelled booking is not to be phoned: \(file)")
        #expect(!file.contains("0933333333"), "another day's booking: \(file)")
        for line in file.split(separator: "\n") {
            #expect(line.count <= 80, "wider than 80: \(line)")
        }
        #expect(file == file.precomposedStringWithCanonicalMapping)

        let json = try desk.object(["appointment", "call-list", "--date", "2026-12-02"], at: "2026-11-30 16:00")
        #expect(json["file"] as? String == desk.folder.path + "/call-lists/goi-dien-2026-12-02.txt")
        #expect((json["appointments"] as? [[String: Any]])?.map { $0["phone"] as? String } == ["0933333333"])
        #expect((json["offers"] as? [[String: Any]])?.first?["phone"] as? String == "0987654321")
        // Once the offered time has passed there is nobody to phone about it.
        let later = try desk.object(["appointment", "call-list", "--date", "2026-12-02"], at: "2026-12-01 09:00")
        #expect((later["offers"] as? [Any])?.isEmpty == true, "\(later)")
        // On a Friday the next working day is Monday.
        let friday = try desk.object(["appointment", "call-list"], at: "2026-12-04 16:00")
        #expect(friday["day"] as? String == "2026-12-07")
    }

    @Test func setupSetsAndShowsTheAppointmentSettings() throws {
        let desk = try CLIDesk(now: "2026-11-30 08:00")
        defer { desk.remove() }
        let bad = try desk.run(["setup", "--seats", "0"], json: true)
        #expect(bad.status == 2 && bad.object?["field"] as? String == "seats")
        #expect(desk.folder.contents.isEmpty, "a refused setup left \(desk.folder.contents)")
        let badHours = try desk.run(["setup", "--hours", "mon-fri=07:00-11:30,11:00-17:00"], json: true)
        #expect(badHours.status == 2 && badHours.object?["field"] as? String == "hours")

        let p = try desk.object(["setup", "--hours", "mon-fri=07:00-11:30,13:30-17:00;sat=07:00-11:30", "--seats", "3",
                                 "--guidance-minutes", "20", "--late-after-minutes", "10", "--walk-in-wait-minutes", "30",
                                 "--min-notice-minutes", "0", "--max-days-ahead", "14", "--per-person-per-day", "2"])
        let a = try #require(p["appointments"] as? [String: Any])
        #expect((a["hours"] as? [String: [String]])?["sat"] == ["07:00-11:30"])
        #expect((a["hours"] as? [String: [String]])?["sun"] == [])
        #expect(a["seats"] as? Int == 3 && a["guidance_minutes"] as? Int == 20 && a["walk_in_wait_minutes"] as? Int == 30)
        #expect(a["late_after_minutes"] as? Int == 10 && a["max_days_ahead"] as? Int == 14 && a["per_person_per_day"] as? Int == 2)
        let shown = try desk.ok(["setup"]).stdout
        #expect(shown.contains("Thứ Hai–Thứ Sáu: 07:00-11:30, 13:30-17:00") && shown.contains("Thứ Bảy: 07:00-11:30")
                && shown.contains("Chủ nhật: nghỉ"), "\(shown)")
        let sat = try desk.object(["appointment", "free", "--date", "2026-12-05"])
        #expect(sat["hours"] as? [String] == ["07:00-11:30"] && (sat["slots"] as? [[String: Any]])?.first?["capacity"] as? Int == 3)
        #expect((sat["slots"] as? [[String: Any]])?.first?["end"] as? String == "07:20")
    }
}

extension CLIAppointmentTests {
    /// The demo books through the same rules: today's afternoon and the next two working days,
    /// one home delivery of a ready dossier; `check` stays clean.
    @Test func demoHasAppointments() throws {
        let desk = try CLIDesk(now: "2026-11-25 10:30")
        defer { desk.remove() }
        let out = try desk.ok(["demo"]).stdout
        #expect(out.contains("lịch hẹn"), "\(out)")
        let today = try desk.rows(["appointment", "list", "--date", "2026-11-25"])
        #expect(!today.isEmpty && today.allSatisfy { ($0["time"] as? String ?? "") >= "11:30" }, "\(today)")
        let next = try desk.rows(["appointment", "list", "--date", "2026-11-26"])
        #expect(next.contains { $0["kind"] as? String == "home" && $0["dossier"] is String && $0["address"] is String }, "\(next)")
        #expect(Set(next.compactMap { $0["kind"] as? String }).isSuperset(of: ["guidance", "submission"]))
        #expect(try desk.object(["check"])["ok"] as? Bool == true)
    }
}

enum TimeOfDayText {
    static func at(_ minute: Int) -> String { String(format: "%02d:%02d", minute / 60, minute % 60) }
}

/// Results gathered from threads.
final class ConcurrentResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<MotcuaProcess.Result, any Error>] = []
    func add(_ r: Result<MotcuaProcess.Result, any Error>) { lock.withLock { results.append(r) } }
    var all: [Result<MotcuaProcess.Result, any Error>] { lock.withLock { results } }
}
