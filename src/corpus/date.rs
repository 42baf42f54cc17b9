use std::fmt;

/// A calendar date, shown as ISO `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A real calendar day, or None.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (day >= 1 && day <= days).then_some(Date { year, month, day })
    }

    /// Month number from an English month name or its three-letter abbreviation, any case.
    pub fn month_from_name(name: &str) -> Option<u8> {
        crate::lang::Lang::en().month(&name.trim_end_matches('.').to_lowercase())
    }

    /// `2025-04-23`, `2025-04-23T10:00Z`, `April 23, 2025` or `23 April 2025`.
    pub fn parse_loose(s: &str) -> Option<Date> {
        Date::parse_iso(s).or_else(|| {
            let words: Vec<&str> = s.split([' ', ',']).filter(|w| !w.is_empty()).collect();
            let month = words.iter().find_map(|w| Date::month_from_name(w))?;
            let numbers: Vec<u16> =
                words.iter().filter_map(|w| w.trim_end_matches(|c: char| c.is_alphabetic()).parse().ok()).collect();
            let year = *numbers.iter().find(|&&n| n >= 1000)?;
            let day = *numbers.iter().find(|&&n| (1..=31).contains(&n))?;
            Date::new(year, month, day as u8)
        })
    }

    /// `2025-04-23`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut it = s.trim().splitn(3, '-');
        let y = it.next()?.parse().ok()?;
        let m = it.next()?.parse().ok()?;
        let d = it.next()?.get(..2)?.parse().ok()?;
        Date::new(y, m, d)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_days() {
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2025, 2, 29).is_none());
        assert!(Date::new(2025, 13, 1).is_none());
        assert_eq!(Date::new(2025, 4, 23).unwrap().to_string(), "2025-04-23");
    }

    #[test]
    fn month_names() {
        assert_eq!(Date::month_from_name("APR"), Some(4));
        assert_eq!(Date::month_from_name("September"), Some(9));
        assert_eq!(Date::month_from_name("Sept"), Some(9));
        assert_eq!(Date::month_from_name("Mayday"), None);
        assert_eq!(Date::month_from_name("Ma"), None);
    }

    #[test]
    fn loose() {
        assert_eq!(Date::parse_loose("April 23, 2025"), Date::new(2025, 4, 23));
        assert_eq!(Date::parse_loose("23rd April 2025"), Date::new(2025, 4, 23));
        assert_eq!(Date::parse_loose("2025-04-23T10:00Z"), Date::new(2025, 4, 23));
        assert_eq!(Date::parse_loose("soon"), None);
    }

    #[test]
    fn iso() {
        assert_eq!(Date::parse_iso("2025-03-15"), Date::new(2025, 3, 15));
        assert_eq!(Date::parse_iso("2025-03-15T10:00:00Z"), Date::new(2025, 3, 15));
        assert_eq!(Date::parse_iso("15/03/2025"), None);
    }
}
