import Foundation
import Testing

/// `dossier print` and `dossier register` end to end: the slip on stdout and in `slips/` beside
/// the database, sent to a fake `lp` on PATH that records its arguments, and a failing or
/// missing printer said clearly with the file still saved.
@Suite struct CLISlipTests {
    /// A folder with an `lp` that writes its arguments, one a line, to `args.txt` and exits `rc`.
    func fakePrinter(in desk: CLIDesk, rc: Int = 0) throws -> (env: [String: String], args: String) {
        let bin = desk.folder.file("bin")
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let args = desk.folder.file("args.txt")
        let script = """
            #!/bin/sh
            for a in "$@"; do printf '%s\\n' "$a"; done > '\(args)'
            echo 'request id is quay1-42 (1 file(s))'
            \(rc == 0 ? "" : "echo 'lp: The printer or class does not exist.' >&2")
            exit \(rc)

            """
        try script.write(toFile: bin + "/lp", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/lp")
        let path = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        return (["PATH": path], args)
    }

    func receive(_ desk: CLIDesk) throws -> String {
        try desk.ok(["setup", "--province", "Tỉnh Đồng Nai", "--commune", "Xã Tân Phú", "--desk-code", "XTP"])
        let d = try desk.object(["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Trần Thị Bình",
                                 "--phone", "0987654321", "--address", "Ấp 3, Xã Tân Phú", "--id-number", "001190012345"])
        return try #require(d["code"] as? String)
    }

    @Test func receiptPrintsThroughTheDesksPrintCommand() throws {
        let desk = try CLIDesk(); defer { desk.remove() }
        let code = try receive(desk)
        let printer = try fakePrinter(in: desk)
        let setup = try desk.object(["setup", "--print-command", "lp -d quay1 -o \"media=A5 paper\""])
        #expect(setup["print_command"] as? [String] == ["lp", "-d", "quay1", "-o", "media=A5 paper"])

        let r = try desk.run(["dossier", "print", code, "--form", "receipt", "--to-printer"], env: printer.env)
        #expect(r.status == 0, "\(r.stderr)")
        let file = desk.folder.path + "/slips/\(code)-receipt.txt"
        #expect(r.stdout.contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ") && r.stdout.contains("Mã hồ sơ: \(code)"))
        #expect(r.stdout.contains("Trần Thị Bình") && r.stdout.contains("0987654321") && r.stdout.contains("Liên 2"))
        #expect(r.stderr.contains(file))
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        #expect(saved == r.stdout)
        // The file's path last, after the profile's arguments; the argument with a space kept whole.
        #expect(try String(contentsOfFile: printer.args, encoding: .utf8) == "-d\nquay1\n-o\nmedia=A5 paper\n\(file)\n")
        // The printer's own chatter is not on stdout.
        #expect(!r.stdout.contains("request id"))

        let json = try desk.run(["dossier", "print", code, "--form", "control", "--ascii", "--to-printer", "--json"], env: printer.env)
        #expect(json.status == 0, "\(json.stderr)")
        let obj = try #require(json.object)
        let asciiFile = desk.folder.path + "/slips/\(code)-control-ascii.txt"
        #expect(obj["file"] as? String == asciiFile && obj["printed"] as? Bool == true)
        let text = try #require(obj["text"] as? String)
        #expect(text.contains("PHIEU KIEM SOAT QUA TRINH GIAI QUYET HO SO") && text.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(try String(contentsOfFile: printer.args, encoding: .utf8).hasSuffix("\(asciiFile)\n"))
    }

    @Test func aFailingOrMissingPrinterIsSaidAndTheSlipStaysSaved() throws {
        let desk = try CLIDesk(); defer { desk.remove() }
        let code = try receive(desk)
        let file = desk.folder.path + "/slips/\(code)-receipt.txt"

        // No print command set.
        let none = try desk.run(["dossier", "print", code, "--form", "receipt", "--to-printer"])
        #expect(none.status == 2)
        #expect(none.stderr.contains("Chưa cài đặt lệnh in") && none.stderr.contains(file))
        #expect(FileManager.default.fileExists(atPath: file))

        // The printer fails (rc 1): the command and what it said are named.
        let printer = try fakePrinter(in: desk, rc: 1)
        try desk.ok(["setup", "--print-command", "lp -d quay1"])
        try FileManager.default.removeItem(atPath: file)
        let bad = try desk.run(["dossier", "print", code, "--form", "receipt", "--to-printer"], env: printer.env)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("Lệnh in 'lp -d quay1' báo lỗi (mã 1)") && bad.stderr.contains("does not exist"), "\(bad.stderr)")
        #expect(bad.stderr.contains("Tệp phiếu vẫn được lưu: \(file)"))
        #expect(bad.stdout.contains("Mã hồ sơ: \(code)"))
        #expect(FileManager.default.fileExists(atPath: file))
        #expect(FileManager.default.fileExists(atPath: printer.args), "the fake lp ran")

        // The program is not on PATH at all.
        try desk.ok(["setup", "--print-command", "no-such-printer-program -d quay1"])
        let missing = try desk.run(["dossier", "print", code, "--form", "receipt", "--to-printer", "--json"])
        #expect(missing.status == 2)
        #expect((missing.object?["error"] as? String)?.contains("Không tìm thấy lệnh in 'no-such-printer-program'") == true)
        #expect(FileManager.default.fileExists(atPath: file))

        // Never through a shell: a `;` is an argument like any other.
        let evil = try fakePrinter(in: desk)
        try desk.ok(["setup", "--print-command", "lp ; touch \(desk.folder.file("pwned"))"])
        let r = try desk.run(["dossier", "print", code, "--form", "receipt", "--to-printer"], env: evil.env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: desk.folder.file("pwned")))
        #expect(try String(contentsOfFile: evil.args, encoding: .utf8).hasPrefix(";\ntouch\n"))
    }

    @Test func noticesNeedTheirFieldsAndBadInputIsRefused() throws {
        let desk = try CLIDesk(); defer { desk.remove() }
        let code = try receive(desk)
        // Only the slips the dossier has (trial: a refusal was printed for a dossier never refused).
        let refusal = try desk.run(["dossier", "print", code, "--form", "refusal"])
        #expect(refusal.status == 2 && refusal.stderr.contains("không có mẫu 03") && refusal.stderr.contains("receipt (01)"), "\(refusal.stderr)")
        let supplement = try desk.run(["dossier", "print", code, "--form", "supplement"])
        #expect(supplement.status == 2)
        try desk.ok(["dossier", "supplement", code, "--missing", "Bản sao giấy khai sinh"])
        #expect(try desk.ok(["dossier", "print", code, "--form", "supplement"]).stdout.contains("1. Bản sao giấy khai sinh"))
        try desk.ok(["dossier", "resume", code])
        // Form 04 is the apology recorded (trial: it printed a date nobody recorded).
        let noApology = try desk.run(["dossier", "print", code, "--form", "apology"])
        #expect(noApology.status == 2 && noApology.stderr.contains("không có mẫu 04"), "\(noApology.stderr)")
        let early = try desk.run(["dossier", "apologize", code, "--new-due", "2026-12-08", "--reason", "Chờ xác minh"], at: "2026-11-26 10:00")
        #expect(early.status == 2 && early.stderr.contains("chưa cần xin lỗi"), "\(early.stderr)")
        try desk.ok(["dossier", "apologize", code, "--new-due", "2026-12-08", "--reason", "Chờ xác minh"], at: "2026-11-30 10:00")
        let apology = try desk.ok(["dossier", "print", code, "--form", "apology"], at: "2026-11-30 10:05")
        #expect(apology.stdout.contains("ngày 08/12/2026") && apology.stdout.contains("ngày 30/11/2026") && apology.stdout.contains("Lý do: Chờ xác minh"),
                "\(apology.stdout)")
        #expect(try desk.run(["dossier", "print", code, "--form", "ticket"]).status == 2)
        #expect(try desk.run(["dossier", "print", "XTP-000000-999", "--form", "receipt"]).status == 2)
        // Every line of what was printed fits 80 columns (Vietnamese letters are one column each).
        for line in apology.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
    }

    @Test func registerWritesExcelReadyCSV() throws {
        let desk = try CLIDesk(); defer { desk.remove() }
        let code = try receive(desk)
        try desk.ok(["dossier", "process", code], at: "2026-11-25 09:00")
        try desk.ok(["dossier", "ready", code], at: "2026-11-27 10:00")
        try desk.ok(["dossier", "return", code, "--received-by", "Trần Thị Bình"], at: "2026-11-28 08:30")

        let r = try desk.ok(["dossier", "register", "--from", "2026-11-25", "--to", "2026-11-30", "--csv"])
        let file = desk.folder.path + "/slips/register-2026-11-25-2026-11-30.csv"
        #expect(r.stdout.contains(file) && r.stdout.contains("1 hồ sơ"))
        let data = try #require(FileManager.default.contents(atPath: file))
        #expect(data.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasPrefix("\u{FEFF}STT,Mã hồ sơ,Tên thủ tục hành chính,Người nộp,"))
        #expect(text.hasSuffix("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(text.contains(code) && text.contains("08:00 25/11/2026") && text.contains("09:00 25/11/2026")
                && text.contains("10:00 27/11/2026") && text.contains("08:30 28/11/2026") && text.contains("0987654321"))

        let rows = try desk.rows(["dossier", "register", "--from", "2026-11-25"])
        #expect(rows.count == 1 && rows.first?["code"] as? String == code && rows.first?["receiver"] as? String == "Trần Thị Bình"
                && rows.first?["resolution"] as? String == "Trước hạn" && rows.first?["first_due"] as? String == "")
        #expect(try desk.rows(["dossier", "register", "--from", "2026-11-26", "--to", "2026-11-30"]).isEmpty)
        #expect(try desk.run(["dossier", "register", "--from", "2026-11-30", "--to", "2026-11-25"]).status == 2)
    }
}
