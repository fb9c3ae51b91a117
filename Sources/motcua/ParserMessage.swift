import MotCuaCore

/// ArgumentParser's messages (its English is fixed in the library) said in the user's
/// language: what is wrong, which option, and what it expects. The usage and help lines that
/// follow are kept, with their labels translated; a message not recognised here is kept in
/// English under a Vietnamese heading rather than lost.
enum ParserMessage {
    static func translate(_ full: String, to lang: Language) -> String {
        full.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let l = String(line)
            if l.hasPrefix("Error: ") { return (lang == .vi ? "Lỗi: " : "Error: ") + problem(String(l.dropFirst(7))).text(lang) }
            if l.hasPrefix("Help:  ") { return (lang == .vi ? "Trợ giúp: " : "Help: ") + l.dropFirst(7) }
            if l.hasPrefix("Usage: ") { return (lang == .vi ? "Cách dùng: " : "Usage: ") + l.dropFirst(7) }
            if let m = l.wholeMatch(of: /\ \ See '(.+)' for more information\./) {
                return lang == .vi ? "  Xem '\(m.1)' để biết thêm." : l
            }
            return l
        }.joined(separator: "\n")
    }

    /// The first line, parsed by the library's own wording (UsageGenerator.swift).
    static func problem(_ s: String) -> Localized {
        if let m = s.wholeMatch(of: /Missing value for '(--?[^ ']+)(?: <([^>]+)>)?'/) {
            let option = String(m.1)
            return Localized(vi: "tùy chọn \(option) cần một giá trị ngay sau nó (\(option) GIÁ-TRỊ hoặc \(option)=GIÁ-TRỊ)",
                             en: "option \(option) needs a value right after it (\(option) VALUE or \(option)=VALUE)")
        }
        if let m = s.wholeMatch(of: /Missing expected argument '(.+)'/) {
            let what = String(m.1)
            if what.hasPrefix("-") {
                return Localized(vi: "thiếu tùy chọn bắt buộc \(what)", en: "the option \(what) is required")
            }
            return Localized(vi: "thiếu \(what) sau tên lệnh", en: "\(what) is missing after the command name")
        }
        if let m = s.wholeMatch(of: /Unknown option '([^']+)'(?:\. Did you mean '([^']+)'\?)?/) {
            let hint = m.2.map { String($0) }
            return Localized(vi: "lệnh này không có tùy chọn \(m.1)" + (hint.map { "; có phải là \($0)?" } ?? ""),
                             en: "this command has no option \(m.1)" + (hint.map { "; did you mean \($0)?" } ?? ""))
        }
        if let m = s.wholeMatch(of: /The value '(.*)' is invalid for '([^']+)'(.*)/) {
            let option = String(m.2), rest = choices(String(m.3))
            return Localized(vi: "'\(m.1)' không phải giá trị hợp lệ cho \(option)" + rest.vi,
                             en: "'\(m.1)' is not a valid value for \(option)" + rest.en)
        }
        if let m = s.wholeMatch(of: /The option '([^']+)' does not take any value, but '(.*)' was specified\./) {
            return Localized(vi: "tùy chọn \(m.1) không nhận giá trị (đã ghi '\(m.2)')", en: "option \(m.1) takes no value (got '\(m.2)')")
        }
        if let m = s.wholeMatch(of: /Unexpected argument '(.*)'/) {
            return Localized(vi: "thừa '\(m.1)': lệnh này không nhận nó (giá trị có dấu cách cần đặt trong ngoặc kép)",
                             en: "unexpected '\(m.1)': this command does not take it (a value with spaces needs quotes)")
        }
        if let m = s.wholeMatch(of: /(\d+) unexpected arguments: (.*)/) {
            return Localized(vi: "thừa \(m.1) đối số: \(m.2) (giá trị có dấu cách cần đặt trong ngoặc kép)",
                             en: "\(m.1) unexpected arguments: \(m.2) (a value with spaces needs quotes)")
        }
        return Localized(vi: "dòng lệnh không hợp lệ: \(s)", en: s)
    }

    /// The library's tail after an invalid value: its list of allowed values, or a reason.
    private static func choices(_ tail: String) -> Localized {
        if let m = tail.wholeMatch(of: /\. Please provide one of (.+)\./) {
            return Localized(vi: "; chọn một trong: \(m.1)", en: "; choose one of: \(m.1)")
        }
        if tail.hasPrefix(": ") { return Localized(vi: tail, en: tail) }
        return Localized(vi: "", en: "")
    }
}
