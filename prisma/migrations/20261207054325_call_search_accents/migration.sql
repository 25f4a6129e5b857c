-- The call history's search folds accents as the contacts search does ("maria" finds "MARÍA"): the app now
-- writes Call.searchText folded (callSearchText, lib/text/fold-for-search.ts) and folds the query. Texts
-- written before are folded here, the same way; only those with a character outside ASCII change.
UPDATE "Call"
   SET "searchText" = replace(replace(replace(replace(replace(replace(replace(replace(translate(regexp_replace(normalize("searchText", NFKD), '[\u0300-\u036f]', '', 'g'), 'łŁøØđĐħĦıŧŦðÐ', 'lLoOdDhHitTdD'), 'ß', 'ss'), 'ẞ', 'SS'), 'æ', 'ae'), 'Æ', 'AE'), 'œ', 'oe'), 'Œ', 'OE'), 'þ', 'th'), 'Þ', 'TH')
 WHERE "searchText" ~ '[^\x01-\x7f]';
