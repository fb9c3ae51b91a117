import Foundation
import Testing

/// The command line's side of the "one rule, one place" issue: each test fails on the old code.
@Suite(.serialized) struct CLIIssueTests {
    /// Registers Hòa with her CCCD, calls her to counter 1 and receives her dossier.
    func hoaOnFile(_ desk: CLIDesk) throws -> String {
        try desk.ok(["walkin", "add", "--name", "Nguyễn Thị Hòa", "--id-number", "001203004567"], at: "2026-11-25 08:00")
        try desk.ok(["queue", "call-next", "--counter", "1"], at: "2026-11-25 08:05")
        let d = try desk.object(["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Nguyễn Thị Hòa", "--id-number", "001203004567",
                                 "--ticket", "A001", "--counter", "1"], at: "2026-11-25 08:10")
        return try #require(d["code"] as? String)
    }

    func loiArgs(_ extra: [String] = []) -> [String] {
        ["dossier", "receive", "--procedure", "HT-KS", "--name", "Cao Văn Lợi", "--id-number", "001203004567"] + extra
    }

    @Test func aCCCDUnderAnotherNameExitsThreeAndWritesNothing() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        let hoa = try hoaOnFile(desk)
        let r = try desk.run(loiArgs(), at: "2026-11-25 09:00", json: true)
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.object?["field"] as? String == "identity_conflict")
        #expect(r.stderr.contains("Nguyễn Thị Hòa") && r.stderr.contains("Cao Văn Lợi"))
        // The command line says which option answers the question.
        #expect(r.stderr.contains("--use-record-on-file") && r.stderr.contains("--correct-record"), "\(r.stderr)")
        #expect(try desk.rows(["dossier", "list"]).map { $0["code"] as? String } == [hoa])
        // Both answers at once is a mistake, not a choice.
        let both = try desk.run(loiArgs(["--use-record-on-file", "--correct-record"]), json: true)
        #expect(both.status == 2 && both.object?["field"] as? String == "identity")
        #expect(try desk.rows(["dossier", "list"]).count == 1)
    }

    @Test func useRecordOnFileReceivesUnderTheNameOnFile() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        _ = try hoaOnFile(desk)
        let d = try desk.object(loiArgs(["--use-record-on-file"]), at: "2026-11-25 09:00")
        #expect(d["applicant"] as? String == "Nguyễn Thị Hòa")
        #expect(try desk.rows(["dossier", "list", "--search", "cao van loi"]).isEmpty)
        #expect(try desk.rows(["dossier", "list", "--search", "nguyen thi hoa"]).count == 2)
    }

    @Test func correctRecordRenamesTheApplicant() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        let hoa = try hoaOnFile(desk)
        let d = try desk.object(loiArgs(["--correct-record"]), at: "2026-11-25 09:00")
        #expect(d["applicant"] as? String == "Cao Văn Lợi")
        // Her first dossier keeps the name it was received under.
        let first = try desk.object(["dossier", "show", hoa])
        #expect((first["dossier"] as? [String: Any])?["applicant"] as? String == "Nguyễn Thị Hòa")
        // The next dossier with this CCCD is Lợi's without asking.
        let next = try desk.object(["dossier", "receive", "--procedure", "HT-TLBS", "--name", "Cao Văn Lợi", "--id-number", "001203004567"])
        #expect(next["applicant"] as? String == "Cao Văn Lợi")
    }

    @Test func aSecondDossierTheSameDayNeedsAllowDuplicate() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        let args = ["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Trần Thị Bình", "--id-number", "001303012345"]
        try desk.ok(args, at: "2026-11-25 09:00")
        let again = try desk.run(args, at: "2026-11-25 09:01", json: true)
        #expect(again.status == 3)
        #expect(again.object?["field"] as? String == "duplicate_dossier")
        #expect(again.stderr.contains("HT-XNHN") && again.stderr.contains("--allow-duplicate"), "\(again.stderr)")
        #expect(try desk.rows(["dossier", "list"]).count == 1)
        let second = try desk.object(args + ["--allow-duplicate"])
        #expect(second["code"] as? String == "MC-261125-002")
        #expect(try desk.rows(["dossier", "list"]).count == 2)
    }

    @Test func rejectNeedsAReason() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        let d = try desk.object(["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Trần Văn Bảy"], at: "2026-11-25 09:00")
        let code = try #require(d["code"] as? String)
        let r = try desk.run(["dossier", "reject", code], json: true)
        #expect(r.status == 2)
        #expect(r.object?["field"] as? String == "reason")
        #expect((try desk.object(["dossier", "show", code])["dossier"] as? [String: Any])?["status"] as? String == "received")
        let rejected = try desk.object(["dossier", "reject", code, "--reason", "Không thuộc thẩm quyền"])
        #expect(rejected["status"] as? String == "rejected" && rejected["reason"] as? String == "Không thuộc thẩm quyền")
        let undo = try desk.run(["undo"], json: true)
        #expect(undo.status == 2 && undo.stderr.contains("không thể hoàn tác"), "\(undo.stderr)")
    }

    @Test func trackingNumberIsNormalisedAndABadCheckDigitOnlyWarns() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        var codes: [String] = []
        for name in ["Một", "Hai"] {
            let d = try desk.object(["dossier", "receive", "--procedure", "HT-XNHN", "--name", name, "--delivery", "post",
                                     "--delivery-address", "Ấp 3, xã Tân Phú"], at: "2026-11-25 09:00")
            let code = try #require(d["code"] as? String)
            try desk.ok(["dossier", "ready", code], at: "2026-11-26 09:00")
            codes.append(code)
        }
        let good = try desk.ok(["dossier", "post", codes[0], "--tracking-number", "ec 136 431 858 vn"], json: true)
        #expect(good.object?["tracking_number"] as? String == "EC136431858VN")
        #expect(!good.stderr.contains("Cảnh báo"), "\(good.stderr)")
        // Asked first (exit 3), kept with the answer and a warning.
        #expect(try desk.run(["dossier", "post", codes[1], "--tracking-number", "EC136431859VN"]).status == 3)
        let bad = try desk.ok(["dossier", "post", codes[1], "--tracking-number", "EC136431859VN", "--accept-check-digit"], json: true)
        #expect(bad.object?["tracking_number"] as? String == "EC136431859VN")
        #expect(bad.object?["status"] as? String == "posted")
        #expect(bad.stderr.contains("Cảnh báo") && bad.stderr.contains("phải là 8"), "\(bad.stderr)")
        let en = try desk.run(["dossier", "post", codes[1], "--tracking-number", "X", "--lang", "en"])
        #expect(en.status == 2)  // already posted
    }

    @Test func whoReceivedTheResultIsInColumnsAndTypedEventData() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        let d = try desk.object(["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Trần Văn Bảy"], at: "2026-11-25 09:00")
        let code = try #require(d["code"] as? String)
        try desk.ok(["dossier", "ready", code], at: "2026-11-26 09:00")
        let refused = try desk.run(["dossier", "return", code, "--received-by", "Trần Thị Tám"], json: true)
        #expect(refused.status == 2)
        #expect(refused.object?["field"] as? String == "receiver_id_number")
        let done = try desk.object(["dossier", "return", code, "--received-by", "Trần Thị Tám", "--receiver-id-number", "001303012345"])
        #expect(done["status"] as? String == "returned")
        #expect(done["received_by"] as? String == "Trần Thị Tám")
        #expect(done["receiver_id_number"] as? String == "001303012345")
        let show = try desk.object(["dossier", "show", code])
        #expect((show["dossier"] as? [String: Any])?["received_by"] as? String == "Trần Thị Tám")
        let events = try #require(show["events"] as? [[String: Any]])
        let last = try #require(events.last)
        #expect(last["action"] as? String == "return")
        let data = try #require(last["data"] as? [String: Any], "event data is not an object: \(String(describing: last["data"]))")
        #expect(data["receiver_name"] as? String == "Trần Thị Tám")
        #expect(data["receiver_id_number"] as? String == "001303012345")
        #expect(data["from"] as? String == "ready" && data["to"] as? String == "returned")
        // The state kept for undo is internal.
        #expect(data["dossier_before"] == nil)
        // The applicant collects without a CCCD.
        let other = try desk.object(["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Lê Văn Cụ"], at: "2026-11-26 10:00")
        let otherCode = try #require(other["code"] as? String)
        try desk.ok(["dossier", "ready", otherCode])
        let own = try desk.object(["dossier", "return", otherCode, "--received-by", "le van cu"])
        #expect(own["received_by"] as? String == "Le Van Cu" && own["receiver_id_number"] is NSNull)
    }

    @Test func queueMovesAtTheWrongCounterOrOnAWaitingTicketAreRefused() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        for (i, name) in ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cụ"].enumerated() {
            try desk.ok(["walkin", "add", "--name", name], at: "2026-11-25 08:0\(i)")
        }
        // A waiting ticket is not recalled, and does not jump the queue.
        let waiting = try desk.run(["queue", "recall", "A002", "--counter", "1"], at: "2026-11-25 08:05", json: true)
        #expect(waiting.status == 2 && waiting.stderr.contains("chưa được gọi"), "\(waiting.stderr)")
        #expect(try desk.ticketStatuses()["A002"] == "waiting")
        let call = try desk.object(["queue", "call-next", "--counter", "1"], at: "2026-11-25 08:06")
        #expect((call["called"] as? [String: Any])?["ticket"] as? String == "A001")
        // Counter 1's ticket is not recalled at counter 2: that is a transfer.
        let other = try desk.run(["queue", "recall", "A001", "--counter", "2"], at: "2026-11-25 08:07", json: true)
        #expect(other.status == 2 && other.stderr.contains("quầy 1"), "\(other.stderr)")
        let a1 = try #require(try desk.rows(["queue", "list"]).first { $0["ticket"] as? String == "A001" })
        #expect(a1["counter"] as? Int == 1 && a1["status"] as? String == "called")
        // A dossier is not received from a ticket still waiting.
        let rec = try desk.run(["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Lê Văn Cụ", "--ticket", "A003", "--counter", "1"],
                               at: "2026-11-25 08:08", json: true)
        #expect(rec.status == 2 && rec.object?["field"] as? String == "ticket", "\(rec.stdout)")
        #expect(try desk.rows(["dossier", "list"]).isEmpty)
        #expect(try desk.ticketStatuses() == ["A001": "called", "A002": "waiting", "A003": "waiting"])
        // The transfer does what the recall was used for.
        let moved = try desk.object(["queue", "transfer", "A001", "--counter", "1", "--to", "2"], at: "2026-11-25 08:09")
        #expect(moved["counter"] as? Int == 2 && moved["status"] as? String == "waiting")
        // Counter 2 calls it first.
        let called = try desk.object(["queue", "call-next", "--counter", "2"], at: "2026-11-25 08:10")
        #expect((called["called"] as? [String: Any])?["ticket"] as? String == "A001")
        let toNowhere = try desk.run(["queue", "transfer", "A001", "--counter", "2", "--to", "9"], json: true)
        #expect(toNowhere.status == 2 && toNowhere.object?["field"] as? String == "counter")
    }

    /// Issue: a catalog row whose effective dates had passed still took dossiers.
    @Test func aProcedureNotInForceIsRefused() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        let csv = desk.folder.file("cu.csv")
        try Data("""
            code,name,field,processing_days,cutoff,fee,fee_note,deliveries,effective_from,effective_to,legal_basis
            HT-CU,Đăng ký hộ tịch theo luật cũ,Hộ tịch,3,,0,,desk,2016-01-01,2027-02-28,Luật Hộ tịch 2014
            HT-MOI,Đăng ký hộ tịch theo luật mới,Hộ tịch,3,,0,,desk,2027-03-01,,Luật Hộ tịch 2026
            """.utf8).write(to: URL(fileURLWithPath: csv))
        let imported = try desk.object(["procedures", "import", csv], at: "2026-11-25 08:00")
        #expect(imported["added"] as? Int == 2)
        let listed = try desk.rows(["procedures", "list", "--search", "HT-MOI"])
        #expect(listed.first?["effective_from"] as? String == "2027-03-01" && listed.first?["effective_to"] is NSNull)

        let early = try desk.run(["dossier", "receive", "--procedure", "HT-MOI", "--name", "Trần Văn Bảy"], at: "2026-11-25 09:00", json: true)
        #expect(early.status == 2 && early.object?["field"] as? String == "procedure")
        #expect(early.stderr.contains("hiệu lực"), "\(early.stderr)")
        #expect(try desk.rows(["dossier", "list"]).isEmpty)
        try desk.ok(["dossier", "receive", "--procedure", "HT-CU", "--name", "Trần Văn Bảy"])
        // After the new law starts, the old row is refused and the new one taken.
        let late = try desk.run(["dossier", "receive", "--procedure", "HT-CU", "--name", "Lê Văn Cụ"], at: "2027-03-01 09:00", json: true)
        #expect(late.status == 2 && late.object?["field"] as? String == "procedure")
        let walkIn = try desk.run(["walkin", "add", "--name", "Lê Văn Cụ", "--procedure", "HT-CU"], json: true)
        #expect(walkIn.status == 2 && walkIn.object?["field"] as? String == "procedure")
        try desk.ok(["dossier", "receive", "--procedure", "HT-MOI", "--name", "Lê Văn Cụ"])
        #expect(try desk.rows(["dossier", "list"]).compactMap { $0["procedure"] as? String }.sorted() == ["HT-CU", "HT-MOI"])
    }

    @Test func searchFindsANameAmongManyDossiers() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        try desk.ok(["dossier", "receive", "--procedure", "BTXH-TCHT", "--name", "Đinh Ích Khiêm"], at: "2026-11-23 08:00")
        for i in 1...12 {
            try desk.ok(["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Nguyễn Văn Số \(i)"], at: "2026-11-25 08:\(10 + i)")
        }
        let found = try desk.rows(["dossier", "list", "--search", "ich khiem"])
        #expect(found.map { $0["applicant"] as? String } == ["Đinh Ích Khiêm"])
        #expect(try desk.rows(["dossier", "list", "--search", "MC-261125"]).count == 12)
        #expect(try desk.rows(["dossier", "list", "--search", "so 1"]).count == 4)  // 1, 10, 11, 12
    }

    @Test func undoFromTheCommandLine() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        try desk.ok(["walkin", "add", "--name", "Nguyễn Văn An", "--counter", "1"], at: "2026-11-25 08:00")
        try desk.ok(["walkin", "add", "--name", "Trần Thị Bình", "--counter", "1"], at: "2026-11-25 08:01")
        try desk.ok(["queue", "call-next", "--counter", "1"], at: "2026-11-25 08:10")
        try desk.ok(["queue", "call-next", "--counter", "1"], at: "2026-11-25 08:20")
        #expect(try desk.ticketStatuses() == ["A001": "done", "A002": "called"])
        let undo = try desk.object(["undo", "--counter", "1"], at: "2026-11-25 08:21")
        #expect(undo["undone"] as? String == "call" && undo["subject"] as? String == "A002")
        #expect(try desk.ticketStatuses() == ["A001": "called", "A002": "waiting"])
        // Another counter has nothing of its own to undo.
        let other = try desk.run(["undo", "--counter", "2"], json: true)
        #expect(other.status == 2)
        #expect(try desk.ticketStatuses() == ["A001": "called", "A002": "waiting"])
        let text = try desk.ok(["undo", "--counter", "1"])
        #expect(text.stdout.contains("Đã hoàn tác"), "\(text.stdout)")
        #expect(try desk.ticketStatuses() == ["A001": "waiting", "A002": "waiting"])
        // Then the registrations, newest first: A002 is cancelled, never given again.
        try desk.ok(["undo", "--counter", "1"])
        #expect(try desk.ticketStatuses() == ["A001": "waiting", "A002": "cancelled"])
        #expect(try desk.rows(["queue", "list"]).map { $0["ticket"] as? String } == ["A001"])
        let next = try desk.object(["walkin", "add", "--name", "Lê Văn Cụ"])
        #expect(next["ticket"] as? String == "A003")
    }

    /// The desk records the OS user; `--clerk` with that login is the same clerk (it was
    /// re-capitalised, "lan.nt" → "Lan.nt", so the clerk's undo from the command line found nothing).
    @Test func theClerkIsNamedAsTyped() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        let r = try desk.run(["walkin", "add", "--name", "Nguyễn Văn An", "--counter", "1"], at: "2026-11-25 08:00", env: ["USER": "lan.nt"])
        #expect(r.status == 0, "\(r.stderr)")
        let call = try desk.object(["queue", "call-next", "--counter", "1", "--clerk", "lan.nt"], at: "2026-11-25 08:05")
        #expect((call["called"] as? [String: Any])?["clerk"] as? String == "lan.nt")
        let undo = try desk.object(["undo", "--counter", "1", "--clerk", "lan.nt"])
        #expect(undo["undone"] as? String == "call")
        let again = try desk.object(["undo", "--counter", "1", "--clerk", "  lan.nt "])
        #expect(again["undone"] as? String == "register")
        #expect(try desk.ticketStatuses() == ["A001": "cancelled"])
        let bad = try desk.run(["undo", "--clerk", "lan\u{1B}[2J"], json: true)
        #expect(bad.status == 2 && bad.object?["field"] as? String == "clerk")
    }

    @Test func aWalkInCorrectionFromTheCommandLine() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        try desk.ok(["walkin", "add", "--name", "Nguyen Van Ann"], at: "2026-11-25 08:00")
        let fixed = try desk.object(["walkin", "edit", "A001", "--name", "Nguyễn Văn An", "--priority", "elderly"], at: "2026-11-25 08:02")
        #expect(fixed["ticket"] as? String == "A001" && fixed["name"] as? String == "Nguyễn Văn An" && fixed["priority"] as? String == "elderly")
        #expect(try desk.rows(["queue", "list"]).first?["name"] as? String == "Nguyễn Văn An")
        let nothing = try desk.run(["walkin", "edit", "A001"], json: true)
        #expect(nothing.status == 2 && nothing.object?["field"] as? String == "ticket")
        // Undo puts the old name back.
        try desk.ok(["undo"])
        #expect(try desk.rows(["queue", "list"]).first?["name"] as? String == "Nguyen Van Ann")
    }

    // MARK: - JSON output

    @Test func jsonRowsHaveTheSameKeysAndNullWhereEmpty() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        try desk.ok(["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Trần Văn Bảy"], at: "2026-11-25 09:00")
        let posted = try desk.object(["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Lê Văn Cụ", "--delivery", "post",
                                      "--delivery-address", "Ấp 3", "--notes", "Bản sao có chứng thực"])
        let code = try #require(posted["code"] as? String)
        try desk.ok(["dossier", "ready", code], at: "2026-11-26 09:00")
        try desk.ok(["dossier", "post", code, "--tracking-number", "EC136431858VN"])
        let rows = try desk.rows(["dossier", "list"])
        #expect(rows.count == 2)
        let keys = Set(rows[0].keys)
        #expect(rows.allSatisfy { Set($0.keys) == keys }, "\(rows.map { $0.keys.sorted() })")
        for key in ["delivery_address", "notes", "tracking_number", "closed_at", "ready_at", "received_by", "receiver_id_number",
                    "reason", "ticket", "counter", "missing", "overdue"] {
            #expect(keys.contains(key), "missing key \(key)")
        }
        let plain = try #require(rows.first { $0["code"] as? String != code })
        #expect(plain["tracking_number"] is NSNull && plain["notes"] is NSNull && plain["closed_at"] is NSNull)
        #expect((plain["missing"] as? [Any])?.isEmpty == true)

        let tickets = try desk.rows(["queue", "list", "--all"])
        #expect(tickets.isEmpty)
        try desk.ok(["walkin", "add", "--name", "Nguyễn Văn An", "--phone", "0912345678", "--priority", "elderly"], at: "2026-11-26 08:00")
        try desk.ok(["walkin", "add", "--name", "Trần Thị Bình"])
        let queue = try desk.rows(["queue", "list"])
        #expect(queue.count == 2 && Set(queue[0].keys) == Set(queue[1].keys))
        #expect(queue[1]["phone"] is NSNull && queue[1]["priority"] is NSNull)

        let procedures = try desk.rows(["procedures", "list"])
        let procedureKeys = Set(procedures[0].keys)
        #expect(procedures.allSatisfy { Set($0.keys) == procedureKeys })
    }

    @Test func showHasEventDataAsObjects() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        let d = try desk.object(["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Trần Văn Bảy"], at: "2026-11-25 09:00")
        let code = try #require(d["code"] as? String)
        try desk.ok(["dossier", "supplement", code, "--missing", "Tờ khai", "--missing", "Bản sao CCCD"])
        let show = try desk.object(["dossier", "show", code])
        let events = try #require(show["events"] as? [[String: Any]])
        #expect(events.map { $0["action"] as? String } == ["receive", "supplement"])
        for e in events { #expect(e["data"] is [String: Any], "data is not an object: \(String(describing: e["data"]))") }
        let data = try #require(events[1]["data"] as? [String: Any])
        #expect(data["missing"] as? [String] == ["Tờ khai", "Bản sao CCCD"])
        #expect((show["dossier"] as? [String: Any])?["missing"] as? [String] == ["Tờ khai", "Bản sao CCCD"])
        #expect((events[0]["data"] as? [String: Any])?["due_date"] as? String == "2026-11-30")
    }

    /// `--lang` words the human output; JSON is for scripts and must not change with it.
    @Test func langChangesNoValueInJSON() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        try desk.ok(["walkin", "add", "--name", "Nguyễn Văn An", "--priority", "elderly"], at: "2026-11-25 08:00")
        try desk.ok(["walkin", "add", "--name", "Trần Thị Bình"])
        try desk.ok(["queue", "call-next", "--counter", "1"], at: "2026-11-25 08:05")
        let d = try desk.object(["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Nguyễn Văn An", "--ticket", "B001", "--counter", "1"])
        let code = try #require(d["code"] as? String)
        try desk.ok(["dossier", "supplement", code, "--missing", "Tờ khai"])
        try desk.ok(["dossier", "resume", code])
        try desk.ok(["dossier", "ready", code], at: "2026-11-26 09:00")
        for args in [["dossier", "list"], ["dossier", "show", code], ["queue", "list", "--all"], ["procedures", "list"],
                     ["dossier", "list", "--overdue"], ["setup"], ["check"], ["calendar", "due", "--from", "2026-11-25", "--days", "3"],
                     ["calendar", "holidays", "--year", "2026"], ["calendar", "show"]] {
            let vi = try desk.run(args + ["--lang", "vi"], at: "2026-11-25 10:00", json: true)
            let en = try desk.run(args + ["--lang", "en"], json: true)
            #expect(vi.status == 0 && en.status == 0, "\(args): \(vi.stderr) \(en.stderr)")
            let a = try #require(vi.json, "\(args): \(vi.stdout)")
            let b = try #require(en.json, "\(args): \(en.stdout)")
            #expect(try canonical(a) == canonical(b), "\(args) differs:\n\(vi.stdout)\n---\n\(en.stdout)")
        }
        // A command that writes: the same undo on two copies of the file, one in each language.
        let copy = try TempFolder()
        defer { copy.remove() }
        for name in desk.folder.contents where name.hasPrefix("desk.sqlite") {
            try FileManager.default.copyItem(atPath: desk.folder.file(name), toPath: copy.file(name))
        }
        let vi = try desk.run(["undo", "--lang", "vi"], at: "2026-11-26 09:30", json: true)
        let en = try MotcuaProcess.run(["undo", "--lang", "en", "--json", "--db", copy.db, "--now", "2026-11-26 09:30"])
        #expect(vi.status == 0 && en.status == 0, "\(vi.stderr) \(en.stderr)")
        #expect(vi.object?["undone"] as? String == "ready")
        let a = try #require(vi.json), b = try #require(en.json)
        #expect(try canonical(a) == canonical(b), "undo differs:\n\(vi.stdout)\n---\n\(en.stdout)")
    }
}

/// Parsed JSON written back with sorted keys: two outputs are the same data when this is equal.
func canonical(_ json: Any) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]), as: UTF8.self)
}
