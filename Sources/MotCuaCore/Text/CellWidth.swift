/// Widths of text in terminal cells (columns), the unit every column layout is counted in.
///
/// A `Character` (extended grapheme cluster) takes 0, 1 or 2 cells:
/// - 0: a cluster that starts with a combining mark (a stray mark with no base), a control or a
///   format character (`\n`, ZWJ, soft hyphen …): it occupies no column of its own;
/// - 2: East Asian Wide / Fullwidth (CJK, Hangul, fullwidth forms) and emoji shown as emoji
///   (Emoji_Presentation, or any emoji followed by VS16 U+FE0F, flags, ZWJ sequences);
/// - 1: everything else, including every Vietnamese letter, precomposed (`ễ` U+1EC5) or
///   decomposed (`e` + U+0302 + U+0303), since the marks ride on their base.
///
/// Pure Swift and locale-independent (unlike `wcwidth(3)`), so tests and layout agree on every
/// machine. The wide table follows Unicode's EastAsianWidth.txt (W and F), condensed.
public enum CellWidth {
    /// Terminal cells taken by one grapheme: 0, 1 or 2.
    public static func of(_ c: Character) -> Int {
        let scalars = c.unicodeScalars
        guard let first = scalars.first else { return 0 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .control, .format, .lineSeparator, .paragraphSeparator:
            return 0
        default:
            break
        }
        if isWide(first.value) { return 2 }
        if first.properties.isEmojiPresentation { return 2 }
        if scalars.count > 1, first.properties.isEmoji {
            // VS16 asks for emoji presentation; a ZWJ sequence or keycap is shown as one emoji.
            for s in scalars.dropFirst() where s.value == 0xFE0F || s.value == 0x20E3 || s.value == 0x200D {
                return 2
            }
        }
        return 1
    }

    /// Terminal cells taken by a string: the sum over its graphemes.
    public static func of(_ s: String) -> Int {
        var total = 0
        for c in s { total += of(c) }
        return total
    }

    /// `s` if it fits in `toCells` cells; otherwise the longest prefix of whole graphemes that
    /// fits together with a trailing `…` (one cell). The result may be one cell short when a
    /// wide character would straddle the edge. Zero or negative widths give "".
    public static func truncate(_ s: String, toCells cells: Int) -> String {
        guard cells > 0 else { return "" }
        if of(s) <= cells { return s }
        let budget = cells - 1 // room for the ellipsis
        var out = ""
        var used = 0
        for c in s {
            let w = of(c)
            if used + w > budget { break }
            out.append(c)
            used += w
        }
        // A zero-width grapheme directly after the cut would be orphaned; none was appended.
        return out + "…"
    }

    /// `s` followed by spaces up to `toCells` cells. A string already as wide or wider is
    /// returned unchanged; use `fit` to also cut it.
    public static func pad(_ s: String, toCells cells: Int) -> String {
        let w = of(s)
        guard w < cells else { return s }
        return s + String(repeating: " ", count: cells - w)
    }

    /// Exactly `toCells` cells when `toCells >= 0`: truncated with `…` if too long, else padded.
    /// (One cell short plus a space when a wide character would straddle the edge.)
    public static func fit(_ s: String, toCells cells: Int) -> String {
        pad(truncate(s, toCells: cells), toCells: cells)
    }

    /// Spaces before `s` so it ends at `toCells` cells (right alignment, for numbers).
    public static func padLeft(_ s: String, toCells cells: Int) -> String {
        let w = of(s)
        guard w < cells else { return s }
        return String(repeating: " ", count: cells - w) + s
    }

    // MARK: - East Asian Wide and Fullwidth ranges (sorted, non-overlapping)

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,   // Hangul Jamo initial consonants
        0x2329...0x232A,   // angle brackets
        0x2E80...0x303E,   // CJK radicals, Kangxi, ideographic description, CJK symbols & punctuation
        0x3041...0x33FF,   // Hiragana, Katakana, Bopomofo, Hangul compat. Jamo, Kanbun, CJK compat.
        0x3400...0x4DBF,   // CJK Extension A
        0x4E00...0x9FFF,   // CJK Unified Ideographs
        0xA000...0xA4CF,   // Yi
        0xA960...0xA97F,   // Hangul Jamo Extended-A
        0xAC00...0xD7A3,   // Hangul syllables
        0xF900...0xFAFF,   // CJK compatibility ideographs
        0xFE10...0xFE19,   // vertical forms
        0xFE30...0xFE6F,   // CJK compatibility forms, small form variants
        0xFF00...0xFF60,   // fullwidth forms
        0xFFE0...0xFFE6,   // fullwidth signs
        0x16FE0...0x16FE4, // ideographic symbols
        0x17000...0x18CFF, // Tangut, Khitan
        0x1AFF0...0x1B2FF, // Kana extensions, Nushu
        0x1F200...0x1F2FF, // enclosed ideographic supplement
        0x20000...0x2FFFD, // CJK Extensions B–F, compatibility supplement
        0x30000...0x3FFFD, // CJK Extensions G–H
    ]

    private static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        var lo = 0
        var hi = wideRanges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = wideRanges[mid]
            if v < r.lowerBound { hi = mid - 1 } else if v > r.upperBound { lo = mid + 1 } else { return true }
        }
        return false
    }
}
