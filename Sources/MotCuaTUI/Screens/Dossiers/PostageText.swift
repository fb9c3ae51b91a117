import MotCuaCore

/// The postage typed at the desk's post dialog: empty (not known yet) or an amount `VND.parse`
/// reads.
enum PostageText {
    static func amount(_ text: String) -> Int? { VND.parse(text) }

    /// What is wrong with `text`, nil when it is empty or an amount.
    static func problem(_ text: String, language: Language) -> String? {
        if text.trimmingCharacters(in: .whitespaces).isEmpty || VND.parse(text) != nil { return nil }
        return language == .en ? "'\(text)' is not an amount; type VND, e.g. 25000 or 25.000, or leave it empty"
                               : "'\(text)' không phải số tiền; ghi số đồng, ví dụ 25000 hoặc 25.000, hoặc để trống"
    }
}
