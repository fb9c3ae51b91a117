import Foundation

// Sources for the forms (checked 30/11/2026 through public pages, not the gazette itself):
// - Thông tư 03/2025/TT-VPCP (15/09/2025), guiding Nghị định 118/2025/NĐ-CP, Phụ lục I: the
//   seven forms' numbers and names (01 Giấy tiếp nhận hồ sơ và hẹn trả kết quả … 07 Sổ theo dõi
//   hồ sơ), as listed by thuviennhadat.vn ("Tải file word biểu mẫu Thông tư 03/2025/TT-VPCP",
//   https://thuviennhadat.vn/phap-luat/tai-file-word-bieu-mau-thong-tu-03-2025-tt-vpcp-ve-giai-quyet-thu-tuc-hanh-chinh-tai-bo-phan-mot-cua-708489.html).
// - The fields inside each form could NOT be confirmed from the 2025 text (the form files were
//   not reachable); they follow the issue (issue 9), shared/design.md, and the 2018 set
//   (Thông tư 01/2018/TT-VPCP), whose forms are close. Each renderer says which of its lines
//   are unconfirmed. A desk that has the official file should compare and correct the labels.
// - "Phiếu xin lỗi và hẹn lại ngày trả kết quả" is the wording quoted for the hộ tịch procedures
//   (thuvienphapluat.vn); form 04's 2025 name is "Văn bản xin lỗi và đề nghị gia hạn thời gian
//   giải quyết".

/// The forms of Phụ lục I that the desk prints as text (07, the register, is a CSV: `RegisterCSV`).
public enum SlipForm: String, Sendable, CaseIterable, Codable {
    case receipt, supplement, refusal, apology, stop, control

    /// The form's number in Phụ lục I: `01` … `06`.
    public var number: String {
        switch self {
        case .receipt: "01"
        case .supplement: "02"
        case .refusal: "03"
        case .apology: "04"
        case .stop: "05"
        case .control: "06"
        }
    }

    /// The form's name as a title line (upper case, as printed).
    public var title: String {
        switch self {
        case .receipt: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
        case .supplement: "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"
        case .refusal: "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"
        case .apology: "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT"
        case .stop: "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"
        case .control: "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"
        }
    }

    public static func parse(_ raw: String) throws -> SlipForm {
        let t = raw.trimmingCharacters(in: .whitespaces).lowercased()
        if let f = SlipForm(rawValue: t) { return f }
        if let f = allCases.first(where: { $0.number == t || "0" + t == $0.number }) { return f }
        let list = allCases.map(\.rawValue).joined(separator: ", ")
        throw FieldError(field: "form", label: Localized(vi: "Mẫu", en: "Form"),
                         problem: Localized(vi: "không có mẫu '\(raw)'; chọn một trong: \(list)",
                                            en: "no form '\(raw)'; choose one of: \(list)"))
    }
}

/// A rendered slip: lines of at most `SlipLayout.width` cells.
public struct Slip: Hashable, Sendable {
    public var lines: [String]
    /// A control or invisible character (from a record written before they were refused) is
    /// shown as U+FFFD, never sent raw to the printer or the terminal.
    public init(lines: [String]) {
        self.lines = lines.map { line in
            guard line.unicodeScalars.contains(where: VietnameseText.isForbidden) else { return line }
            return String(String.UnicodeScalarView(line.unicodeScalars.map { VietnameseText.isForbidden($0) ? "\u{FFFD}" : $0 }))
        }
    }

    /// The text with LF line ends and a final newline.
    public var text: String { lines.joined(separator: "\n") + "\n" }

    /// For a printer without Vietnamese fonts: no diacritics, box and block characters as `-`/`#`,
    /// nothing but ASCII, still within the width.
    public var ascii: Slip { Slip(lines: lines.flatMap { SlipText.ascii($0) }) }
}

public enum SlipText {
    /// One line in plain ASCII: `VietnameseText.asciiFallback`, horizontal box lines as `-`,
    /// other box-drawing and block characters as `#`, a few punctuation marks spelled out, and
    /// anything else non-ASCII as `?`. A line that grew past `width` is wrapped.
    public static func ascii(_ line: String, width: Int = SlipLayout.width) -> [String] {
        var out = String.UnicodeScalarView()
        for s in VietnameseText.asciiFallback(line).unicodeScalars {
            if s.isASCII { out.append(s); continue }
            switch s.value {
            case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550, 0x2574, 0x2576, 0x2578, 0x257A:
                out.append("-")
            case 0x2500...0x259F:
                out.append("#")
            case 0x2013, 0x2014, 0x2212: out.append("-")
            case 0x2018, 0x2019: out.append("'")
            case 0x201C, 0x201D: out.append("\"")
            case 0x2026: out.append(contentsOf: "...".unicodeScalars)
            case 0x00A0: out.append(" ")
            case 0x203A: out.append(">")
            case 0x00D7: out.append("x")
            default: out.append("?")
            }
        }
        let text = String(out)
        return CellWidth.of(text) <= width ? [text] : SlipLayout.wrap(text, width: width)
    }
}
