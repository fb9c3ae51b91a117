import Foundation

/// Plain-text page layout for the official slips: 80 terminal cells a line (a dot-matrix or a
/// thermal printer's text mode, and the screen's preview), counted with `CellWidth`, never in
/// characters or bytes. Every function returns lines that fit `width`.
public enum SlipLayout {
    public static let width = 80

    /// `text` centred in `width` cells (wrapped first when it is too long).
    public static func center(_ text: String, width: Int = width) -> [String] {
        // A line that fits keeps its inner spacing; only a longer one is re-flowed.
        (CellWidth.of(text) <= width ? [trimRight(text)] : wrap(text, width: width)).map { line in
            let pad = max(0, (width - CellWidth.of(line)) / 2)
            return String(repeating: " ", count: pad) + line
        }
    }

    /// Words filled into lines of at most `width` cells; a word longer than a line is cut
    /// between graphemes. `indent` starts every line after the first (a hanging indent).
    public static func wrap(_ text: String, width: Int = width, indent: Int = 0) -> [String] {
        let width = max(2, width)
        let hangCells = min(max(0, indent), width / 2)
        let hang = String(repeating: " ", count: hangCells)
        // Leading spaces of the first line are kept (an indented item).
        let leading = min(text.prefix(while: { $0 == " " }).count, width / 2)
        var lines: [String] = []
        var line = String(repeating: " ", count: leading)
        var used = leading
        var hasWord = false
        func newLine() { lines.append(line); line = hang; used = hangCells; hasWord = false }
        for word in text.split(separator: " ").map(String.init) {
            let w = CellWidth.of(word)
            let need = hasWord ? w + 1 : w
            if used + need <= width {
                if hasWord { line += " " }
                line += word; used += need; hasWord = true
                continue
            }
            if hasWord { newLine() }
            if used + w <= width { line += word; used += w; hasWord = true; continue }
            // A word longer than a line: cut between graphemes.
            for c in word {
                let cw = CellWidth.of(c)
                if used + cw > width, hasWord { newLine() }
                line.append(c); used += cw; hasWord = true
            }
        }
        lines.append(line)
        return lines.map(trimRight)
    }

    /// `Label: value`, the value wrapped under itself when it runs on.
    public static func field(_ label: String, _ value: String, width: Int = width, indent: Int = 0) -> [String] {
        let lead = String(repeating: " ", count: indent) + label + ": "
        let hang = min(CellWidth.of(lead), width / 2)
        let wrapped = wrap(lead + value, width: width, indent: hang)
        return wrapped
    }

    /// A numbered or bulleted list item with a hanging indent.
    public static func item(_ marker: String, _ text: String, indent: Int = 2, width: Int = width) -> [String] {
        let lead = String(repeating: " ", count: indent) + marker + " "
        return wrap(lead + text, width: width, indent: CellWidth.of(lead))
    }

    /// A block of lines centred as one (every line shifted by the same amount), so a drawing
    /// such as the large ticket number keeps its shape.
    public static func centerBlock(_ block: [String], width: Int = width) -> [String] {
        let widest = block.map(CellWidth.of).max() ?? 0
        let pad = String(repeating: " ", count: max(0, (width - widest) / 2))
        return block.map { trimRight(pad + $0) }
    }

    /// A horizontal rule of `cells` cells, centred.
    public static func rule(_ cells: Int, width: Int = width, char: Character = "─") -> String {
        let pad = max(0, (width - cells) / 2)
        return String(repeating: " ", count: pad) + String(repeating: char, count: min(cells, width))
    }

    /// Two blocks side by side: `left` in `leftWidth` cells, `right` in the rest, each line of a
    /// block centred in its column.
    public static func columns(_ left: [String], _ right: [String], leftWidth: Int = 38, width: Int = width) -> [String] {
        let rightWidth = width - leftWidth
        let l = left.flatMap { center($0, width: leftWidth) }
        let r = right.flatMap { center($0, width: rightWidth) }
        return (0..<max(l.count, r.count)).map { i in
            let a = i < l.count ? l[i] : ""
            let b = i < r.count ? r[i] : ""
            return trimRight(CellWidth.pad(a, toCells: leftWidth) + b)
        }
    }

    /// The national heading of an administrative document: on the left the commune's people's
    /// committee and the desk (from the desk profile), on the right the country's name and motto,
    /// each with a short rule under it (Nghị định 30/2020/NĐ-CP, Phụ lục I, lays out the two
    /// columns of an administrative document this way; the header of the one-stop forms follows it).
    public static func nationalHeader(_ profile: DeskProfile) -> [String] {
        let left = ["ỦY BAN NHÂN DÂN " + upper(profile.commune), upper(profile.province),
                    upper(profile.deskName), String(repeating: "─", count: 12)]
        let right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", String(repeating: "─", count: 20)]
        return columns(left, right)
    }

    /// `Tân Phú, ngày 25 tháng 11 năm 2026`, under the right column: the place is the commune's
    /// name without its "Xã"/"Phường"/"Thị trấn"/"Đặc khu" prefix.
    public static func placeAndDate(_ profile: DeskProfile, on day: LocalDate) -> [String] {
        let line = "\(placeName(profile.commune)), ngày \(p2(day.day)) tháng \(p2(day.month)) năm \(day.year)"
        return columns([], [line])
    }

    public static func placeName(_ commune: String) -> String {
        for prefix in ["Xã ", "Phường ", "Thị trấn ", "Đặc khu ", "xã ", "phường ", "thị trấn ", "đặc khu "] where commune.hasPrefix(prefix) {
            return String(commune.dropFirst(prefix.count))
        }
        return commune
    }

    /// Two signature blocks side by side: a title, "(Ký và ghi rõ họ tên)", room to sign, a name.
    public static func signatures(left: (title: String, name: String?)?, right: (title: String, name: String?)) -> [String] {
        func block(_ s: (title: String, name: String?)?) -> [String] {
            guard let s else { return [] }
            return [s.title, "(Ký và ghi rõ họ tên)", "", "", "", s.name ?? ""]
        }
        return columns(block(left), block(right), leftWidth: 40)
    }

    /// `08 giờ 05 phút, ngày 25/11/2026`.
    public static func timeAndDate(_ at: Date) -> String {
        let l = VietnamTime.local(at)
        return "\(p2(l.hour)) giờ \(p2(l.minute)) phút, ngày \(l.date.vietnamese)"
    }

    /// `150.000 đồng`; `Miễn phí` for 0 (the note says more where the catalog has one).
    public static func money(_ amount: Int) -> String {
        VND.grouped(amount) + " đồng"
    }

    /// The desk as a sentence names it: "Bộ phận Một cửa xã Tân Phú". The commune is added in
    /// lower case ("xã …", "phường …") and only when the desk's name does not hold it already
    /// ("Trung tâm Phục vụ hành chính công xã Tân Phú").
    public static func deskInSentence(_ profile: DeskProfile) -> String {
        let commune = profile.commune.trimmingCharacters(in: .whitespaces)
        guard !commune.isEmpty, !VietnameseText.fold(profile.deskName).contains(VietnameseText.fold(commune)) else { return profile.deskName }
        let first = commune.prefix(1).lowercased() + commune.dropFirst()
        return "\(profile.deskName) \(first)"
    }

    static func upper(_ s: String) -> String { s.uppercased(with: Locale(identifier: "vi_VN")).precomposedStringWithCanonicalMapping }
    static func p2(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
    static func trimRight(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
