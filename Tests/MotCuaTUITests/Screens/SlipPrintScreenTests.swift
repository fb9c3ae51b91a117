import Foundation
import Testing
import MotCuaCore
import MotCuaStore
@testable import MotCuaTUI

/// Issue 9 at the desk: slips previewed and printed (through a fake print command that records
/// its arguments), the apology with its new date, send and the post's answers from the detail,
/// form 01 offered after a receipt, and the walk-in's ticket drawn large.
@Suite("Desk: slips, apology, send and post")
struct SlipPrintScreenTests {
    /// A print command in the fixture's folder: records its arguments one a line in `args`,
    /// then says something on stdout and stderr (which must never reach the screen) and exits
    /// with `status`.
    static func fakePrinter(_ f: ScreenFixture, status: Int = 0) throws -> (command: [String], args: String) {
        let script = f.folder + "/fake-lp"
        let args = f.folder + "/lp-args"
        let text = """
            #!/bin/sh
            for a in "$@"; do printf '%s\\n' "$a"; done > '\(args)'
            echo "PRINTER CHATTER ON STDOUT"
            echo "printer: out of paper" >&2
            exit \(status)

            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: script))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        return ([script, "-d", "quay1"], args)
    }

    static func setPrinter(_ f: ScreenFixture, _ command: [String]?) throws {
        var profile = try f.db.profile()
        profile.printCommand = command
        try f.db.saveProfile(profile, now: f.session.now, actor: f.session.actor)
    }

    /// C-p on the register, the first form offered (01), the preview.
    static func openReceiptPreview(_ f: ScreenFixture, _ code: String) throws -> SlipPreviewScreen {
        try f.openList(selecting: code)
        try f.keys("C-p")
        let choice = try #require(f.top as? SlipFormChoiceScreen, "\(f.screenText)")
        #expect(choice.forms.first == .receipt)
        #expect(f.screenText.contains("Mẫu 01") && f.screenText.contains("Mẫu 06"))
        try f.keys("Enter")
        return try #require(f.top as? SlipPreviewScreen, "\(f.screenText)")
    }

    @Test("C-p offers the forms that fit the dossier; the preview shows the form's title and the code; a switches to ASCII")
    func preview() throws {
        let f = try ScreenFixture()
        let preview = try Self.openReceiptPreview(f, f.bảy)
        #expect(f.screenText.contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"), "\(f.screenText)")
        #expect(f.screenText.contains(f.bảy))
        #expect(f.rows.allSatisfy { CellWidth.of($0) <= 80 })
        // Scrolls, and never past its end.
        for _ in 0..<50 { try f.keys("PgDn") }
        #expect(preview.offset > 0)
        try f.keys("a")
        #expect(preview.ascii)
        #expect(f.screenText.contains("GIAY TIEP NHAN HO SO"), "\(f.screenText)")
        // Esc: nothing printed, nothing written.
        try f.keys("Esc")
        #expect(f.top is DossierListScreen)
        #expect(!FileManager.default.fileExists(atPath: SlipFiles.folder(databasePath: f.path).path))
        // Only the forms that fit: no supplement, refusal, apology or stop for a dossier received and on its way.
        let d = try #require(try f.db.dossier(code: f.sự))
        #expect(SlipPrinting.forms(for: d, events: []) == [.receipt, .control])
    }

    @Test("Enter prints through the print command: the file is passed, its output never reaches the screen")
    func printsThroughTheCommand() throws {
        let f = try ScreenFixture()
        let printer = try Self.fakePrinter(f)
        try Self.setPrinter(f, printer.command)
        _ = try Self.openReceiptPreview(f, f.bảy)
        try f.keys("Enter")
        let file = SlipFiles.folder(databasePath: f.path).appendingPathComponent(SlipFiles.fileName(code: f.bảy, form: "receipt")).path
        #expect(FileManager.default.fileExists(atPath: file))
        let args = try String(contentsOfFile: printer.args, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(args == ["-d", "quay1", file])
        #expect(f.message.contains("đã gửi tới máy in") && f.message.contains(file), "\(f.message)")
        #expect(!f.screenText.contains("PRINTER CHATTER") && !f.screenText.contains("out of paper"))
        #expect(f.top is DossierListScreen)
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        #expect(saved.contains("GIẤY TIẾP NHẬN HỒ SƠ") && saved.contains(f.bảy))
    }

    @Test("a failing, missing or unset printer is said, and the slip file is saved all the same")
    func failingPrinter() throws {
        let f = try ScreenFixture()
        let file = SlipFiles.folder(databasePath: f.path).appendingPathComponent(SlipFiles.fileName(code: f.bảy, form: "receipt")).path
        let printer = try Self.fakePrinter(f, status: 3)
        try Self.setPrinter(f, printer.command)
        _ = try Self.openReceiptPreview(f, f.bảy)
        try f.keys("Enter")
        #expect(f.message.contains("CHƯA IN ĐƯỢC") && f.message.contains("mã 3") && f.message.contains(file), "\(f.message)")
        #expect(FileManager.default.fileExists(atPath: file))
        #expect(!f.screenText.contains("PRINTER CHATTER"))

        try FileManager.default.removeItem(atPath: file)
        try Self.setPrinter(f, [f.folder + "/no-such-lp"])
        try f.keys("Esc")
        _ = try Self.openReceiptPreview(f, f.bảy)
        try f.keys("Enter")
        #expect(f.message.contains("Không tìm thấy lệnh in") && f.message.contains(file), "\(f.message)")
        #expect(FileManager.default.fileExists(atPath: file))

        try Self.setPrinter(f, nil)
        try f.keys("Esc")
        _ = try Self.openReceiptPreview(f, f.bảy)
        try f.keys("a Enter")
        #expect(f.message.contains("chưa cài lệnh in"), "\(f.message)")
        let ascii = SlipFiles.folder(databasePath: f.path).appendingPathComponent(SlipFiles.fileName(code: f.bảy, form: "receipt", ascii: true)).path
        #expect(FileManager.default.fileExists(atPath: ascii))
    }

    @Test("M-a on an overdue dossier: bad dates are said in the prompt; the due date moves, it stays late, form 04 is previewed")
    func apologize() throws {
        let f = try ScreenFixture()
        let before = try f.db.dueCounts(today: f.session.today)
        try f.openList(selecting: f.sự)
        try f.keys("M-a")
        let prompt = try #require(f.top as? PromptScreen, "\(f.screenText)")
        // Before the old date (19/11), then a Saturday: refused in the prompt.
        f.type("18/11")
        try f.keys("Enter")
        #expect(f.top === prompt)
        #expect(prompt.error?.contains("không sau ngày hẹn hiện tại") == true, "\(prompt.error ?? "")")
        try f.keys("C-u")
        f.type("28/11")
        try f.keys("Enter")
        #expect(prompt.error?.contains("không phải ngày làm việc") == true, "\(prompt.error ?? "")")
        #expect(f.screenText.contains("không phải ngày làm việc"))
        try f.keys("C-u")
        f.type("27/11/2026")
        try f.keys("Enter")
        f.type("Cho xac minh")
        try f.keys("Enter")
        #expect(f.top is ConfirmScreen, "\(f.screenText)")
        try f.keys("Enter")
        let d = try #require(try f.db.dossier(code: f.sự))
        #expect(d.dueDate == ScreenFixture.day(27))
        #expect(d.status == .received || d.status == .processing)
        // Still counted late, against its first date.
        let after = try f.db.dueCounts(today: f.session.today)
        #expect(after.overdue == before.overdue)
        #expect(try f.actions(f.sự).contains { $0.hasSuffix("apologize") })
        // Form 04 at once.
        #expect(f.top is SlipPreviewScreen, "\(f.screenText)")
        #expect(f.screenText.contains("VĂN BẢN XIN LỖI"), "\(f.screenText)")
        #expect(f.message.contains("hẹn lại ngày 27/11/2026"), "\(f.message)")
        let slip = try SlipPrinting.draft(.apology, code: f.sự, session: f.session).slip.text
        #expect(slip.contains("19/11/2026") && slip.contains("27/11/2026"))
        try f.keys("Esc")
        // C-p offers form 04 from now on.
        try f.keys("C-p")
        #expect((f.top as? SlipFormChoiceScreen)?.forms.contains(.apology) == true)
        try f.keys("Esc")
        // A dossier not yet due is not apologised for.
        try f.keys("Esc")
        try f.openList(selecting: f.bảy)
        try f.keys("M-a")
        #expect(f.top is DossierListScreen)
        #expect(f.message.contains("chưa cần xin lỗi"), "\(f.message)")
    }

    @Test("from the detail: M-s sends to a department; M-b takes a posted result back; M-d on it is refused")
    func sendAndPostFromTheDetail() throws {
        let f = try ScreenFixture()
        f.app.push(DossierDetailScreen(session: f.session, code: f.bảy))
        try f.keys("M-s")
        #expect(f.top is PromptScreen, "\(f.screenText)")
        f.type("Cong chuc tu phap")
        try f.keys("Enter")
        #expect(try f.db.dossier(code: f.bảy)?.sentTo == "Cong chuc tu phap")
        #expect(f.message.contains("đã chuyển đến Cong chuc tu phap"), "\(f.message)")
        #expect(f.top is DossierDetailScreen)

        _ = try f.db.actOnDossier(DossierActionRequest(code: f.hưng, kind: .post, address: "Thôn 2, xã Tân Phú",
                                                       trackingNumber: "EC136431858VN"),
                                  now: f.session.now, actor: f.session.actor)
        try f.keys("Esc")
        f.app.push(DossierDetailScreen(session: f.session, code: f.hưng))
        try f.keys("M-b")
        #expect(f.top is ConfirmScreen)
        try f.keys("c")
        #expect(try f.status(f.hưng) == .ready)
        #expect(f.message.contains("bưu điện trả lại"), "\(f.message)")
        #expect(f.screenText.contains("Có kết quả"))
        try f.keys("M-d")
        #expect(f.message.contains("chưa gửi qua bưu chính"), "\(f.message)")
    }

    @Test("after F2 the ticket shows in block digits and F5 prints its slip, without CCCD or phone")
    func largeTicket() throws {
        let f = try ScreenFixture()
        try f.keys("F2")
        f.type("An")
        try f.keys("Enter")
        let big = BlockDigits.render("A002")
        for line in big { #expect(f.rows.contains { $0.contains(line.trimmingCharacters(in: .whitespaces)) }, "\(f.screenText)") }
        #expect(f.rows.count == 24 && f.rows.allSatisfy { CellWidth.of($0) <= 80 })
        #expect(f.screenText.contains("F5: in phiếu số thứ tự"))
        try f.keys("F5")
        #expect(f.top is SlipPreviewScreen)
        #expect(f.screenText.contains("SỐ THỨ TỰ"))
        try f.keys("Enter")
        #expect(f.top is WalkInFormScreen)
        let file = SlipFiles.folder(databasePath: f.path).appendingPathComponent("2026-11-25-A002-ticket.txt").path
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("A002") && !text.contains("CCCD") && !text.contains("Điện thoại"))
        #expect(f.message.contains("chưa cài lệnh in"), "\(f.message)")
    }

    @Test("receiving a dossier offers form 01 at once (F5 on the result page)")
    func receiveOffersTheReceipt() throws {
        let f = try ScreenFixture()
        try f.keys("F5 F4")
        try f.keys("BackTab BackTab BackTab BackTab Tab Tab Tab Tab")
        f.type("xac nhan tinh trang")
        try f.keys("Enter Enter")
        #expect(f.screenText.contains("MÃ HỒ SƠ"), "\(f.screenText)")
        #expect(f.screenText.contains("in giấy tiếp nhận"), "\(f.screenText)")
        #expect(f.rows[23].contains("In giấy TN"), "\(f.rows[23])")
        try f.keys("F5")
        let preview = try #require(f.top as? SlipPreviewScreen, "\(f.screenText)")
        #expect(preview.draft.fileForm == "receipt")
        #expect(f.screenText.contains("GIẤY TIẾP NHẬN HỒ SƠ"))
        try f.keys("Esc")
        #expect(f.top is ReceiveDossierScreen)
    }

    @Test("resizes, a paste and stray keys on the form choice and the preview change nothing and never crash")
    func strayInput() throws {
        let f = try ScreenFixture()
        try f.openList(selecting: f.bảy)
        try f.keys("C-p")
        f.type("xyz 9 0 ?")
        #expect(f.top is SlipFormChoiceScreen)
        try f.keys("2")
        #expect((f.top as? SlipPreviewScreen)?.draft.fileForm == "control", "\(f.screenText)")
        for (rows, cols) in [(10, 40), (24, 80), (40, 140), (24, 81), (2, 2)] {
            f.term.setSize(rows: rows, cols: cols)
            f.app.handle(.resize)
            _ = f.rows
            f.type("Nguyễn 😀\tq")
            try f.keys("Down PgDn Up PgUp")
        }
        f.term.setSize(rows: 24, cols: 80)
        f.app.handle(.resize)
        #expect(f.top is SlipPreviewScreen)
        #expect(f.screenText.contains("PHIẾU KIỂM SOÁT"), "\(f.screenText)")
        #expect(!FileManager.default.fileExists(atPath: SlipFiles.folder(databasePath: f.path).path))
    }
}
