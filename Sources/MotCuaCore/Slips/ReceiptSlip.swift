import Foundation

/// Form 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Thông tư 03/2025/TT-VPCP, Phụ lục I, Mẫu số
/// 01; see Slip.swift for the sources). Two copies on one sheet: the applicant's and the desk's.
///
/// Fields as the issue lists them and the 2018 form had them: dossier code, applicant, address,
/// phone, the request (procedure), the papers received with their counts, number of sets, the
/// legal processing time, when it was received, the due date, where the result is collected,
/// the fee, and both signatures. Not confirmed against the 2025 form file: the exact label
/// wording, and whether the register's book/entry number line ("Vào Sổ theo dõi hồ sơ, Quyển
/// số…, Số thứ tự…") is still on it; that line is left out rather than guessed.
public enum ReceiptSlip {
    public static let copies = ["Liên 1: Giao người nộp hồ sơ", "Liên 2: Lưu tại Bộ phận Một cửa"]

    public static func render(_ c: SlipContext, sets: Int = 1) -> Slip {
        var lines: [String] = []
        for (i, copy) in copies.enumerated() {
            if i > 0 { lines += ["", String(repeating: "-", count: SlipLayout.width) + "", ""] }
            lines += one(c, copy: copy, sets: sets)
        }
        return Slip(lines: lines)
    }

    static func one(_ c: SlipContext, copy: String, sets: Int) -> [String] {
        let d = c.dossier
        var l = c.heading(.receipt, subtitle: ["(\(copy))"])
        l += SlipLayout.wrap("\(SlipLayout.deskInSentence(c.profile)) đã tiếp nhận hồ sơ của:")
        l += SlipLayout.field("Ông/Bà", d.applicantName, indent: 2)
        l += SlipLayout.field("Địa chỉ", c.address, indent: 2)
        l += SlipLayout.field("Số điện thoại", c.phone, indent: 2)
        l += SlipLayout.field("Nội dung yêu cầu giải quyết", c.procedureName, indent: 2)
        l += ["1. Thành phần hồ sơ nộp gồm:"]
        if d.documents.isEmpty {
            l += SlipLayout.item("-", "(không ghi danh mục giấy tờ khi tiếp nhận)", indent: 3)
        }
        for (i, doc) in d.documents.enumerated() {
            var counts: [String] = []
            if doc.originals > 0 { counts.append("bản chính: \(doc.originals)") }
            if doc.copies > 0 { counts.append("bản sao: \(doc.copies)") }
            l += SlipLayout.item("\(i + 1))", doc.name + (counts.isEmpty ? "" : " — " + counts.joined(separator: ", ")), indent: 3)
        }
        l += SlipLayout.wrap("2. Số lượng hồ sơ: \(sets < 10 ? "0\(sets)" : String(sets)) (bộ)")
        let processing = d.procedureSnapshot.map { processingText($0) } ?? "(không có trong danh mục)"
        l += SlipLayout.field("3. Thời gian giải quyết hồ sơ theo quy định", processing)
        l += SlipLayout.field("4. Thời gian nhận hồ sơ", SlipLayout.timeAndDate(d.receivedAt))
        l += SlipLayout.field("5. Thời gian trả kết quả giải quyết hồ sơ", "ngày \(c.dueText)")
        if let note = c.dueNote { l += SlipLayout.wrap(note, indent: 2).map { "  " + $0 } }
        var place = d.delivery.label.vi
        if d.delivery != .desk, let a = d.deliveryAddress ?? c.applicant?.address { place += " — " + a }
        l += SlipLayout.field("6. Nhận kết quả", place)
        if let s = d.procedureSnapshot {
            l += SlipLayout.field("7. Phí, lệ phí", SlipLayout.money(s.fee) + (s.feeNote.isEmpty ? "" : " (\(s.feeNote))"))
        } else {
            l += SlipLayout.field("7. Phí, lệ phí", "(không có trong danh mục)")
        }
        l.append("")
        l += SlipLayout.signatures(left: ("NGƯỜI NỘP HỒ SƠ", d.applicantName),
                                   right: ("NGƯỜI TIẾP NHẬN HỒ SƠ", c.clerk ?? d.clerk))
        return l
    }

    /// "3 ngày làm việc", "30 ngày", "Trong ngày", as the catalog says it.
    static func processingText(_ s: ProcedureSnapshot) -> String {
        if s.processingDays == 0 { return "Trong ngày" }
        switch s.processingUnit {
        case .workingDays: return "\(s.processingDays) ngày làm việc"
        case .days: return "\(s.processingDays) ngày"
        }
    }
}
