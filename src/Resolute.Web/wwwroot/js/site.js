// Progressive enhancement only: every page works without this script.
document.addEventListener("DOMContentLoaded", () => {
  // Ask before irreversible actions (dissolve, merge): forms opt in with data-confirm.
  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (e) => {
      if (!window.confirm(form.dataset.confirm)) e.preventDefault();
    });
  });
  // Close the phone menu after a choice.
  document.querySelectorAll(".sidebar a").forEach((a) =>
    a.addEventListener("click", () => { const t = document.getElementById("nav-toggle"); if (t) t.checked = false; }));
});

// Unit pickers: suggest "CODE – name" from the units the user may see, as they type.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("input[data-unit-picker]").forEach((input) => {
    const list = document.getElementById(input.getAttribute("list"));
    let timer;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      const q = input.value.trim();
      if (q.length < 2 || q.includes(" – ")) return;
      timer = setTimeout(async () => {
        const res = await fetch(`/api/organisations?includeEnded=false&q=${encodeURIComponent(q)}`, { headers: { Accept: "application/json" } });
        if (!res.ok) return;
        const units = await res.json();
        list.replaceChildren(...units.slice(0, 30).map((u) => {
          const o = document.createElement("option");
          o.value = `${u.code} – ${u.name}`;
          return o;
        }));
      }, 200);
    });
  });
});
