import MotCuaCore

/// A procedure's fee (lệ phí) as the desk shows it: VND with dots between thousands
/// (`8.000 đ`), then the catalog's note on how it is set; a free procedure says so.
enum FeeText {
    /// `8.000 đ`, `400.000 đ`, `0 đ`.
    static func vnd(_ amount: Int) -> String { VND.text(amount) }

    /// The fee and its note in one line:
    /// - an amount: `8.000 đ — theo Nghị quyết HĐND tỉnh` (a note that starts with the amount
    ///   already, `8.000 đ/bản sao …`, is shown alone, not after the amount again);
    /// - no amount and no note: `Miễn lệ phí` (free);
    /// - no amount but a note (`Lệ phí theo Nghị quyết HĐND tỉnh`, `Không thu phí`): the note,
    ///   which says how it is set.
    static func text(fee: Int, note: String, language: Language) -> String {
        let note = note.trimmingCharacters(in: .whitespaces)
        if fee > 0 {
            let amount = vnd(fee)
            if note.isEmpty { return amount }
            if note.hasPrefix(amount) { return note }
            return amount + " — " + note
        }
        if note.isEmpty { return language == .en ? "No fee" : "Miễn lệ phí" }
        return note
    }

    static func label(_ language: Language) -> String { language == .en ? "Fee" : "Lệ phí" }
}
