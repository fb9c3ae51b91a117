/// Large characters for the queue ticket: 5 lines high, 5 cells wide, drawn with the full block
/// (U+2588), so a number reads from across the waiting room. Digits and the ticket series
/// letters (A, B, H); any other character is drawn as a blank.
public enum BlockDigits {
    public static let height = 5
    public static let glyphWidth = 5

    static let glyphs: [Character: [String]] = [
        "0": ["#####", "#   #", "#   #", "#   #", "#####"],
        "1": ["  #  ", " ##  ", "  #  ", "  #  ", " ### "],
        "2": ["#####", "    #", "#####", "#    ", "#####"],
        "3": ["#####", "    #", " ####", "    #", "#####"],
        "4": ["#   #", "#   #", "#####", "    #", "    #"],
        "5": ["#####", "#    ", "#####", "    #", "#####"],
        "6": ["#####", "#    ", "#####", "#   #", "#####"],
        "7": ["#####", "    #", "   # ", "  #  ", "  #  "],
        "8": ["#####", "#   #", "#####", "#   #", "#####"],
        "9": ["#####", "#   #", "#####", "    #", "#####"],
        "A": [" ### ", "#   #", "#####", "#   #", "#   #"],
        "B": ["#### ", "#   #", "#### ", "#   #", "#### "],
        "H": ["#   #", "#   #", "#####", "#   #", "#   #"],
    ]

    /// The lines of `text` drawn large, one space between characters, each stroke drawn with
    /// `mark` (the full block; `#` where a terminal cannot show it).
    public static func render(_ text: String, mark: String = "█") -> [String] {
        let blank = Array(repeating: String(repeating: " ", count: glyphWidth), count: height)
        let chars = text.uppercased().map { glyphs[$0] ?? blank }
        return (0..<height).map { row in
            chars.map { $0[row].replacingOccurrences(of: "#", with: mark) }.joined(separator: " ")
        }
    }
}
