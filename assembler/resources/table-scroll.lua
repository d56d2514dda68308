-- HTML: a table wider than a phone's screen scrolls sideways in its own box instead of
-- widening the whole page (page.html's .table-scroll). The box is a named region that
-- the keyboard can reach, so a reader without a mouse can scroll it too.
function Table(tbl)
  local caption = pandoc.utils.stringify(tbl.caption.long)
  -- A list of pairs, not a Lua table of keys: their order is the same in every build.
  local attributes = {
    { "role", "region" },
    { "tabindex", "0" },
    { "aria-label", caption ~= "" and caption or "Tabulka" },
  }
  return pandoc.Div({ tbl }, pandoc.Attr("", { "table-scroll" }, attributes))
end
