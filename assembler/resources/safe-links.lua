-- The second lock behind plan check's link and image rules (checks/markup.py): a link
-- or image the check could not see (a text it read differently from pandoc) still
-- reaches no output with a scheme outside the allow-list. pandoc.py fills both tables
-- (markup.LINK_SCHEMES, images.embedded_types), so each list is declared once.
local SCHEMES = {}
local IMAGE_TYPES = {}

local function scheme(target)
  return target:match("^(%a[%w+.-]*):")
end

-- A link to an address the plan does not allow keeps its text and loses its target.
function Link(link)
  local found = scheme(link.target)
  if found == nil or SCHEMES[found:lower()] then
    return nil
  end
  return link.content
end

-- Images are files of the plan (no scheme) or embedded PNG, JPEG or SVG; anything else
-- is replaced by its description.
function Image(image)
  local found = scheme(image.src)
  if found == nil then
    return nil
  end
  if found:lower() == "data" then
    local mime = image.src:match("^%a+:([^;,]+)")
    if mime and IMAGE_TYPES[mime:lower()] then
      return nil
    end
  end
  return image.caption
end
