import Foundation
import Testing

/// Issue 9 on the command line: send, the post's delivery and return, an apology, the fee on
/// return, the uncollected list; and every refusal named, exit 2, nothing written.
@Suite(.serialized) struct CLIDossierLifeTests {
    func dossier(_ desk: CLIDesk, _ code: String) throws -> [String: Any] {
        try #require(try desk.object(["dossier", "show", code])["dossier"] as? [String: Any])
    }

    func expectRefused(_ args: [String], desk: CLIDesk, field: String?, mentions: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try desk.run(["dossier", "list", "--json"]).stdout
        let r = try desk.run(args, json: true)
        #expect(r.status == 2, "accepted or wrong exit (\(r.status)): \(args)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains(mentions), "stderr: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.object?["field"] as? String == field, "stdout: \(r.stdout)", sourceLocation: sourceLocation)
        #expect(try desk.run(["dossier", "list", "--json"]).stdout == before, "something was written", sourceLocation: sourceLocation)
    }

    @Test func sendPostReturnedUncollectedAndReturnWithTheFee() throws {
        let desk = try CLIDesk(now: "2026-11-25 09:00")
        defer { desk.remove() }
        let received = try desk.object(["dossier", "receive", "--procedure", "CT-HD", "--name", "Lê Thị Mai", "--phone", "0912000444",
                                        "--address", "Thôn 2, xã Phú Hòa", "--document", "Hợp đồng:2:0", "--document", "Bản sao CCCD"])
        let code = try #require(received["code"] as? String)
        let docs = try #require(received["documents"] as? [[String: Any]])
        #expect(docs.count == 2 && docs[0]["name"] as? String == "Hợp đồng" && docs[0]["originals"] as? Int == 2
                && docs[1]["copies"] as? Int == 1)
        #expect(received["fee"] as? Int == 50000)

        let sent = try desk.object(["dossier", "send", code, "--to", "Công chức Tư pháp - Hộ tịch"], at: "2026-11-25 09:30")
        #expect(sent["status"] as? String == "processing" && sent["sent_to"] as? String == "Công chức Tư pháp - Hộ tịch")
        try desk.ok(["dossier", "ready", code], at: "2026-11-26 15:00")
        let posted = try desk.object(["dossier", "post", code, "--tracking-number", "EC136431858VN", "--postage", "28000"], at: "2026-11-26 16:00")
        #expect(posted["postage"] as? Int == 28000 && posted["status"] as? String == "posted")
        let back = try desk.object(["dossier", "post-returned", code], at: "2026-11-30 10:00")
        #expect(back["status"] as? String == "ready" && back["post_returned_at"] as? String == "2026-11-30T10:00:00+07:00")

        let calls = try desk.rows(["dossier", "uncollected"], at: "2026-11-30 10:05")
        #expect(calls.count == 1 && calls.first?["code"] as? String == code && calls.first?["phone"] as? String == "0912000444"
                && calls.first?["returned_by_post"] as? Bool == true)
        let text = try desk.ok(["dossier", "uncollected"]).stdout
        #expect(text.contains(code) && text.contains("0912000444") && text.contains("bưu điện trả lại"))

        let done = try desk.object(["dossier", "return", code, "--received-by", "Lê Thị Mai"], at: "2026-12-01 08:30")
        #expect(done["status"] as? String == "returned" && done["fee_collected"] as? Int == 50000)
        #expect(try desk.rows(["dossier", "uncollected"]).isEmpty)
        let shown = try desk.ok(["dossier", "show", code]).stdout
        for piece in ["Công chức Tư pháp - Hộ tịch", "28.000 đ", "50.000 đ", "Bưu điện trả lại", "Hợp đồng (2 bản chính, 0 bản sao)"] {
            #expect(shown.contains(piece), "show lacks \(piece): \(shown)")
        }
        let events = try #require(try desk.object(["dossier", "show", code])["events"] as? [[String: Any]])
        #expect(events.map { $0["action"] as? String } == ["receive", "send", "ready", "post", "post-returned", "return"])
    }

    @Test func aFeeCollectedGivenIsRecorded() throws {
        let desk = try CLIDesk(now: "2026-11-25 09:00")
        defer { desk.remove() }
        let code = try #require(try desk.object(["dossier", "receive", "--procedure", "CT-HD", "--name", "Đỗ Văn Nam"])["code"] as? String)
        try desk.ok(["dossier", "ready", code])
        try expectRefused(["dossier", "return", code, "--received-by", "Đỗ Văn Nam", "--fee-collected", "1000000000"], desk: desk,
                          field: "fee_collected", mentions: "--fee-collected")
        let done = try desk.object(["dossier", "return", code, "--received-by", "Đỗ Văn Nam", "--fee-collected", "0"])
        #expect(done["fee_collected"] as? Int == 0)
    }

    @Test func postDeliveredOnce() throws {
        let desk = try CLIDesk(now: "2026-11-25 09:00")
        defer { desk.remove() }
        let code = try #require(try desk.object(["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Phan Văn Tài",
                                                 "--delivery", "post", "--address", "Ấp 3, xã Tân Phú"])["code"] as? String)
        try desk.ok(["dossier", "ready", code])
        // Not posted yet: neither delivered nor returned by the post.
        try expectRefused(["dossier", "post-delivered", code], desk: desk, field: nil, mentions: "chưa gửi qua bưu chính")
        try desk.ok(["dossier", "post", code, "--tracking-number", "EC136431858VN"])
        let delivered = try desk.object(["dossier", "post-delivered", code], at: "2026-11-27 10:00")
        #expect(delivered["status"] as? String == "posted" && delivered["post_delivered_at"] as? String == "2026-11-27T10:00:00+07:00")
        try expectRefused(["dossier", "post-delivered", code], desk: desk, field: nil, mentions: "đã phát")
        try expectRefused(["dossier", "post-returned", code], desk: desk, field: nil, mentions: "đã phát")
    }

    @Test func apologizeMovesTheDateAndStaysLate() throws {
        let desk = try CLIDesk(now: "2026-11-25 09:00")
        defer { desk.remove() }
        // Due Mon 30/11/2026.
        let code = try #require(try desk.object(["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Vũ Thị Hạnh"])["code"] as? String)
        // Still within its time: no apology yet (the desk and the command line alike).
        try expectRefused(["dossier", "apologize", code, "--new-due", "2026-12-03", "--reason", "Chờ xác minh"], desk: desk,
                          field: nil, mentions: "chưa cần xin lỗi")
        desk.now = "2026-11-30 08:00"
        try expectRefused(["dossier", "apologize", code, "--new-due", "2026-11-27", "--reason", "Chờ xác minh"], desk: desk,
                          field: "new_due", mentions: "--new-due")
        try expectRefused(["dossier", "apologize", code, "--new-due", "2026-12-06", "--reason", "Chờ xác minh"], desk: desk,
                          field: "new_due", mentions: "không phải ngày làm việc")
        try expectRefused(["dossier", "apologize", code, "--new-due", "hôm qua", "--reason", "Chờ xác minh"], desk: desk,
                          field: "new_due", mentions: "--new-due")
        try expectRefused(["dossier", "apologize", code, "--new-due", "2026-12-03"], desk: desk, field: "reason", mentions: "Lý do")
        let moved = try desk.object(["dossier", "apologize", code, "--new-due", "03/12/2026", "--reason", "Chờ xác minh nơi cư trú"],
                                    at: "2026-11-30 10:00")
        #expect(moved["due_date"] as? String == "2026-12-03" && moved["original_due_date"] as? String == "2026-11-30"
                && moved["apology_reason"] as? String == "Chờ xác minh nơi cư trú")
        // Tue 01/12: still late, though the new date has not come.
        desk.now = "2026-12-01 08:00"
        #expect(try dossier(desk, code)["overdue"] as? Bool == true)
        #expect(try desk.rows(["dossier", "list", "--overdue"]).map { $0["code"] as? String } == [code])
        let shown = try desk.ok(["dossier", "show", code]).stdout
        #expect(shown.contains("03/12/2026") && shown.contains("30/11/2026") && shown.contains("Chờ xác minh nơi cư trú"))
        // `check` does not take the moved date for a calendar change.
        let check = try desk.run(["check"])
        #expect(!check.stdout.contains(code) && !check.stderr.contains(code), "\(check.stdout)")
    }

    @Test func badInputOnTheLifeSteps() throws {
        let desk = try CLIDesk(now: "2026-11-25 09:00")
        defer { desk.remove() }
        let code = try #require(try desk.object(["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Trần Văn Bảy"])["code"] as? String)
        // Returning a dossier that is not ready.
        try expectRefused(["dossier", "return", code, "--received-by", "Trần Văn Bảy"], desk: desk, field: nil, mentions: "chỉ trả kết quả khi")
        // Sending with no department.
        try expectRefused(["dossier", "send", code, "--to", "  "], desk: desk, field: "sent_to", mentions: "--to")
        // Papers with a bad count.
        try expectRefused(["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Bảy", "--document", "Tờ khai:0:0"], desk: desk,
                          field: "documents", mentions: "ít nhất một bản")
        try expectRefused(["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Bảy", "--document", "Tờ khai:x:1"], desk: desk,
                          field: "documents", mentions: "không phải số bản")
        try desk.ok(["dossier", "ready", code])
        // Posting without an address (none on the dossier, none for the applicant).
        try expectRefused(["dossier", "post", code, "--tracking-number", "EC136431858VN"], desk: desk, field: "address", mentions: "Địa chỉ")
        // A tracking number whose S10 check digit is wrong: asked (exit 3, the option named,
        // nothing written), then posted with a warning once the option says it is so.
        let asked = try desk.run(["dossier", "post", code, "--tracking-number", "EC136431859VN", "--address", "Ấp 3"], json: true)
        #expect(asked.status == 3 && asked.stderr.contains("--accept-check-digit") && asked.stderr.contains("số thứ 11 phải là 8"), "\(asked.stderr)")
        #expect(asked.object?["field"] as? String == "tracking_check_digit")
        #expect(try dossier(desk, code)["status"] as? String == "ready")
        let r = try desk.run(["dossier", "post", code, "--tracking-number", "EC136431859VN", "--address", "Ấp 3", "--postage", "20000",
                              "--accept-check-digit"], json: true)
        #expect(r.status == 0 && r.stderr.contains("Cảnh báo"), "\(r.stderr)")
        #expect(r.object?["status"] as? String == "posted")
        try expectRefused(["dossier", "uncollected", "--days", "400"], desk: desk, field: "days", mentions: "--days")
    }

    /// The uncollected limit is the desk's setting: the list follows it, --days still wins, a
    /// bad value names the option and changes nothing.
    @Test func theUncollectedLimitIsTheDesksSetting() throws {
        let desk = try CLIDesk(now: "2026-11-25 09:00")
        defer { desk.remove() }
        let code = try #require(try desk.object(["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Đỗ Văn Nam",
                                                 "--phone", "0912000555"])["code"] as? String)
        try desk.ok(["dossier", "ready", code], at: "2026-11-26 10:00")
        // Thu 26/11 → Mon 30/11 is 2 working days: under the default five, over a limit of one.
        #expect(try desk.rows(["dossier", "uncollected"], at: "2026-11-30 10:00").isEmpty)
        let set = try desk.object(["setup", "--uncollected-days", "1"])
        #expect(set["uncollected_after_days"] as? Int == 1)
        #expect(try desk.rows(["dossier", "uncollected"], at: "2026-11-30 10:00").map { $0["code"] as? String } == [code])
        #expect(try desk.rows(["dossier", "uncollected", "--days", "3"], at: "2026-11-30 10:00").isEmpty)
        let r = try desk.run(["setup", "--uncollected-days", "61"])
        #expect(r.status == 2 && r.stderr.contains("0 đến 60"), "\(r.stderr)")
        #expect(try desk.object(["setup"])["uncollected_after_days"] as? Int == 1)
    }

    /// The post worker collects the fee when delivering: recorded as on a return at the desk.
    @Test func thePostCollectsTheFeeOnDelivery() throws {
        let desk = try CLIDesk(now: "2026-11-25 09:00")
        defer { desk.remove() }
        let code = try #require(try desk.object(["dossier", "receive", "--procedure", "CT-HD", "--name", "Lê Thị Mai",
                                                 "--address", "Thôn 2, xã Phú Hòa"])["code"] as? String)
        try desk.ok(["dossier", "ready", code], at: "2026-11-26 15:00")
        try desk.ok(["dossier", "post", code, "--tracking-number", "EC136431858VN"], at: "2026-11-26 16:00")
        let delivered = try desk.object(["dossier", "post-delivered", code, "--fee-collected", "45000"], at: "2026-11-30 10:00")
        #expect(delivered["fee_collected"] as? Int == 45000 && delivered["status"] as? String == "posted")
        #expect(try desk.ok(["dossier", "show", code]).stdout.contains("45.000 đ"))
    }
}
